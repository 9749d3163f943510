// The project's own lint rules: where SQL may be written, and what shared/ may import. Plain ESM, no build step.
import path from 'node:path';

const SQL_METHODS = new Set(['prepare', 'pragma', 'exec']);

/** A type with prepare() and pragma() is a better-sqlite3 connection (RegExp, child_process … have neither). */
function isDatabaseType(services, node) {
  const type = services.getTypeAtLocation(node);
  const apparent = services.program.getTypeChecker().getApparentType(type);
  return Boolean(apparent.getProperty('prepare') && apparent.getProperty('pragma'));
}

const isStringArgument = (arg) => arg !== undefined && (arg.type === 'TemplateLiteral' || (arg.type === 'Literal' && typeof arg.value === 'string'));
const isRegExpLiteral = (node) => node.type === 'Literal' && 'regex' in node;

/**
 * SQL is written only in electron/store (and the frozen migrations in electron/db): a `.prepare(`, `.pragma(`, a
 * database's `.exec(` or `cachedStatement(` anywhere else is an error. With type information an `.exec(` counts when its receiver is a
 * database; without it, when its argument is a string or template literal and the receiver is not a regex literal —
 * so `RegExp.exec` is never flagged.
 */
export const sqlInStore = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL only in electron/store and electron/db' },
    messages: {
      sql: '{{method}}() 是数据库调用：SQL 只能写在 electron/store/（迁移在 electron/db/）。请在 store/ 里加一个函数，从这里调用它。',
    },
    schema: [],
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    const typed = Boolean(services?.program && services.getTypeAtLocation);
    return {
      CallExpression(node) {
        const callee = node.callee;
        // db/database.ts's statement cache takes SQL text too
        if (callee.type === 'Identifier' && callee.name === 'cachedStatement') {
          context.report({ node, messageId: 'sql', data: { method: 'cachedStatement' } });
          return;
        }
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
        const method = callee.property.name;
        if (!SQL_METHODS.has(method)) return;
        if (method === 'exec') {
          if (isRegExpLiteral(callee.object)) return;
          const sql = typed ? isDatabaseType(services, callee.object) : isStringArgument(node.arguments[0]);
          if (!sql) return;
        }
        context.report({ node, messageId: 'sql', data: { method: `.${method}` } });
      },
    };
  },
};

/** Packages shared/ may import besides itself: it stays pure TypeScript that any layer (and the renderer) can load. */
export const SHARED_PACKAGES = ['zod', 'dayjs'];

/** shared/ imports only shared/, zod and dayjs — an allowlist, so a new Node or UI dependency cannot slip in. */
export const sharedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'shared/ imports only shared/ and an allowlist of packages' },
    messages: {
      outside: '“{{source}}”在 shared/ 之外：shared/ 只能引入 shared/ 里的模块。',
      package: '“{{source}}”不在允许的包里：shared/ 只能是纯 TypeScript，只可引入 {{allowed}}。',
    },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
  },
  create(context) {
    const sharedDir = path.resolve(context.options[0]?.root ?? context.cwd, 'shared');
    const check = (sourceNode) => {
      if (!sourceNode || sourceNode.type !== 'Literal' || typeof sourceNode.value !== 'string') return;
      const source = sourceNode.value;
      if (source.startsWith('.') || source.startsWith('/')) {
        const target = path.resolve(path.dirname(context.filename), source);
        if (target !== sharedDir && !target.startsWith(sharedDir + path.sep))
          context.report({ node: sourceNode, messageId: 'outside', data: { source } });
        return;
      }
      const pkg = source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0];
      if (!SHARED_PACKAGES.includes(pkg))
        context.report({ node: sourceNode, messageId: 'package', data: { source, allowed: SHARED_PACKAGES.join('、') } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};

export default { rules: { 'sql-in-store': sqlInStore, 'shared-imports': sharedImports } };
