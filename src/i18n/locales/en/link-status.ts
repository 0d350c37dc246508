// English: why an Instagram link stopped working (the cause the account record keeps, worded for the reader), and
// what igcord found out itself about a feed's source that Instagram refuses (the username moved, or is unknown).
export const linkStatus = {
  brokenExpired:
    'Your Instagram link to {{account}} no longer works (its token expired). Link your account again to continue.',
  brokenRefused:
    'Your Instagram link to {{account}} no longer works (Instagram no longer accepts its token). Link your account again to continue.',
  brokenRefusedSaying:
    'Your Instagram link to {{account}} no longer works (Instagram no longer accepts its token: "{{detail}}"). Link your account again to continue.',
  usernameMoved: '{{account}} now names another Instagram account; the feed followed the one that had that name',
  usernameUnknown: 'no feed names the username of this Instagram account any more',
};
