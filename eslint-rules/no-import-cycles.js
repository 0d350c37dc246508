// An ESLint rule that reports every import taking part in a cycle of igcord's own files, type-only imports included.
// eslint-plugin-import-x's `no-cycle` skips any `import type` (lib/rules/no-cycle.js returns early on
// importKind === 'type'), and a cycle of types still ties two modules into one: neither can move, split or be
// read alone. So this rule follows every static edge: import, import type, export … from, import('…') and the
// `import('…').T` type form. Specifiers are resolved as tsc resolves them (nodenext, `.js` → `.ts`), through
// eslint-import-resolver-typescript; what resolves into node_modules is not followed.
import fs from 'node:fs';
import path from 'node:path';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

/** Per lint run: each file's resolved imports, keyed by absolute path and invalidated by its modification time. */
const edgesCache = new Map();
const resolvers = new Map();

function resolverFor(project) {
  let resolver = resolvers.get(project);
  if (!resolver) {
    resolver = createTypeScriptImportResolver({ project });
    resolvers.set(project, resolver);
  }
  return resolver;
}

/** The import specifiers of one module's AST (walked along the parser's visitor keys), each with its node. */
function importsOf(program, visitorKeys) {
  const found = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration':
        if (node.source) found.push({ specifier: node.source.value, node: node.source });
        break;
      case 'ImportExpression':
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') {
          found.push({ specifier: node.source.value, node: node.source });
        }
        break;
      case 'TSImportType': {
        const literal = node.source ?? node.argument?.literal;
        if (literal?.type === 'Literal' && typeof literal.value === 'string')
          found.push({ specifier: literal.value, node });
        break;
      }
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = node[key];
      if (Array.isArray(child)) child.forEach(visit);
      else if (child && typeof child === 'object') visit(child);
    }
  };
  visit(program);
  return found;
}

/** Resolves a specifier to one of the project's own files, or undefined for a package or an unresolved name. */
function resolveOwn(resolver, specifier, fromFile) {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return undefined;
  const result = resolver.resolve(specifier, fromFile);
  if (!result.found || !result.path || result.path.split(path.sep).includes('node_modules')) return undefined;
  return path.resolve(result.path);
}

function edgesOf(resolver, file) {
  let mtime;
  try {
    mtime = fs.statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const cached = edgesCache.get(file);
  if (cached && cached.mtime === mtime) return cached.edges;
  let parsed;
  try {
    parsed = tseslint.parser.parseForESLint(fs.readFileSync(file, 'utf8'), { sourceType: 'module', filePath: file });
  } catch (error) {
    // A file that does not parse is reported by the lint of that file itself; anything else is a bug here.
    if (error?.constructor?.name === 'TSError') return [];
    throw error;
  }
  const edges = importsOf(parsed.ast, parsed.visitorKeys)
    .map(({ specifier }) => resolveOwn(resolver, specifier, file))
    .filter((target) => target !== undefined);
  edgesCache.set(file, { mtime, edges });
  return edges;
}

/** The shortest chain of files from `start` back to `home`, or undefined when there is none. */
function pathBack(resolver, start, home) {
  const cameFrom = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of edgesOf(resolver, file)) {
      if (next === home) {
        const chain = [file];
        for (let at = cameFrom.get(file); at !== undefined; at = cameFrom.get(at)) chain.unshift(at);
        return chain;
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noImportCycles = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid imports, type-only ones included, that lead back to the importing file' },
    schema: [{ type: 'object', properties: { project: { type: 'string' } }, additionalProperties: false }],
    messages: { cycle: 'Import cycle: {{chain}}. Move what both sides need into a module that imports neither.' },
  },
  create(context) {
    const project = context.options[0]?.project ?? 'tsconfig.json';
    const resolver = resolverFor(path.resolve(context.cwd, project));
    const home = path.resolve(context.physicalFilename);
    const relative = (file) => path.relative(context.cwd, file).split(path.sep).join('/');
    return {
      'Program:exit'(program) {
        for (const { specifier, node } of importsOf(program, context.sourceCode.visitorKeys)) {
          const target = resolveOwn(resolver, specifier, home);
          if (target === undefined || target === home) continue;
          const chain = pathBack(resolver, target, home);
          if (chain)
            context.report({
              node,
              messageId: 'cycle',
              data: { chain: [home, ...chain, home].map(relative).join(' → ') },
            });
        }
      },
    };
  },
};
