#!/usr/bin/env node
/**
 * Lists the functions longer than a limit (default 80 lines) in the given folders (default src/ and crawlers/),
 * longest first: a function that long is a module waiting to be cut, unless a comment before it says why it is
 * not (one starting "Long because"). Exit code 1 when one without a reason is found, so CI can run it.
 *
 *   node scripts/long-functions.mjs [--max 80] [--all] [folder…]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
let max = 80;
let all = false;
const roots = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--max') max = Number(args[++i]);
  else if (args[i] === '--all') all = true;
  else roots.push(args[i]);
}
if (!roots.length) roots.push('src', 'crawlers');

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') yield* files(p);
    } else if (/\.(?:ts|mts)$/.test(e.name) && !e.name.endsWith('.d.ts')) yield p;
  }
}

/** The name a function is known by: its own, its variable's, its property's or its method's. */
function nameOf(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (node.name) return node.name.getText();
  const p = node.parent;
  if (p && (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && p.name)
    return p.name.getText();
  if (p && ts.isCallExpression(p)) return `(callback of ${p.expression.getText().slice(0, 40)})`;
  return '(anonymous)';
}

/** The comments before a function, or before the statement that declares it. */
function leadingComments(node, text) {
  let n = node;
  while (n.parent && !ts.isSourceFile(n.parent) && !ts.isBlock(n.parent) && !ts.isClassLike(n.parent)) n = n.parent;
  const ranges = ts.getLeadingCommentRanges(text, n.getFullStart()) ?? [];
  return ranges.map((r) => text.slice(r.pos, r.end)).join('\n');
}

const found = [];
for (const root of roots)
  for (const file of files(root)) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const start = sf.getLineAndCharacterOfPosition(node.getStart()).line;
        const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = end - start + 1;
        if (lines > max) {
          const reason = /Long because/.test(leadingComments(node, text));
          found.push({ file: relative('.', file), line: start + 1, name: nameOf(node), lines, reason });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
found.sort((a, b) => b.lines - a.lines);
const shown = all ? found : found.filter((f) => !f.reason);
for (const f of shown)
  console.log(`${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}${f.reason ? '  (reason given)' : ''}`);
const bad = found.filter((f) => !f.reason).length;
console.error(`${bad} function(s) over ${max} lines without a reason, ${found.length - bad} with one`);
process.exit(bad ? 1 : 0);
