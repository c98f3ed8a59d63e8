#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that every SQL statement in the sources is a constant.

Scans the C files under SRC (default: src/ of this checkout) for calls that
take SQL: sqlite3_prepare*(), sqlite3_exec(), _bzw_store_prepare(),
_bzw_store_exec(), and every function that passes one of its own parameters
on to one of those (a wrapper such as query_int()).  The SQL argument must
be a constant: string literals, adjacent literals, macros that are made of
literals, parentheses, or "cond ? A : B" with constant A and B.  Anything
else (a variable, printf-built text) is a problem, unless the line or one of
the three lines before it carries the comment "check-sql: allow" with a
reason.  Calls that take SQL are only allowed in SRC/store/.  The SQL fields
of a row description (.insert_sql, .update_sql of BzwRowSave) are checked
where they are initialised, and count as constants where they are read.
sqlite3_mprintf() and friends are not allowed anywhere.

Exit status 0 when there are no problems; with --expect-problems N, when
there are exactly N (to test the checker itself).
"""

import argparse
import os
import re
import sys

SINKS = {
    'sqlite3_prepare': 1,
    'sqlite3_prepare_v2': 1,
    'sqlite3_prepare_v3': 1,
    'sqlite3_prepare16': 1,
    'sqlite3_prepare16_v2': 1,
    'sqlite3_prepare16_v3': 1,
    'sqlite3_exec': 1,
    '_bzw_store_prepare': 1,
    '_bzw_store_exec': 1,
}

FORBIDDEN = ('sqlite3_mprintf', 'sqlite3_vmprintf', 'sqlite3_snprintf', 'sqlite3_vsnprintf')

ALLOW = 'check-sql: allow'

STRING = r'"(?:[^"\\\n]|\\.)*"'
CHAR = r"'(?:[^'\\\n]|\\.)*'"


def strip_comments(text):
    """Blanks out comments, keeping strings, lengths and line breaks."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            m = re.compile(STRING if c == '"' else CHAR).match(text, i)
            end = m.end() if m else i + 1
            out.append(text[i:end])
            i = end
        elif text.startswith('/*', i):
            end = text.find('*/', i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:end]))
            i = end
        elif text.startswith('//', i):
            end = text.find('\n', i)
            end = n if end < 0 else end
            out.append(' ' * (end - i))
            i = end
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def tokenize(expr):
    tokens = []
    for m in re.finditer(STRING + r'|' + CHAR + r'|[A-Za-z_]\w*|\d[\w.]*|->|[^\s\w]', expr):
        tokens.append(m.group(0))
    return tokens


def split_args(text, start):
    """Splits the argument list that opens at text[start] == '('."""
    assert text[start] == '('
    depth = 0
    args = []
    current = start + 1
    i = start
    n = len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            m = re.compile(STRING if c == '"' else CHAR).match(text, i)
            i = m.end() if m else i + 1
            continue
        if c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
            if depth == 0:
                args.append(text[current:i])
                return args, i
        elif c == ',' and depth == 1:
            args.append(text[current:i])
            current = i + 1
        i += 1
    return None, n


DECL = re.compile(r'^\s*(const\s+)?(unsigned\s+)?[A-Za-z_]\w*(\s*\*+\s*|\s+)(const\s+)?[A-Za-z_]\w*(\s*\[\s*\])?\s*$')


def is_declaration(args):
    return all(DECL.match(a) or a.strip() in ('void', '...') for a in args)


def collect_macros(text):
    macros = {}
    for m in re.finditer(r'^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(?![\w(])((?:[^\n\\]|\\\n|\\.)*)', text, re.M):
        macros[m.group(1)] = m.group(2).replace('\\\n', ' ')
    return macros


def collect_function_macros(text):
    """Function-like macros: name -> (parameters, body)."""
    macros = {}
    for m in re.finditer(r'^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)\(([^)]*)\)((?:[^\n\\]|\\\n|\\.)*)', text, re.M):
        params = [p.strip() for p in m.group(2).split(',') if p.strip()]
        macros[m.group(1)] = (params, m.group(3).replace('\\\n', ' '))
    return macros


FUNCTION_MACROS = {}
CONST_TABLES = set()

# Fields of the store's row descriptions (BzwRowSave) that hold SQL: every
# initialiser of one is checked like an argument, and reading one
# (how->insert_sql) then counts as a constant.
SQL_FIELDS = ('insert_sql', 'update_sql')


def find_field_initialisers(source):
    """(offset, expression) of every designated initialiser .FIELD = EXPR
    of a field in SQL_FIELDS."""
    found = []
    for m in re.finditer(r'\.(%s)\s*=' % '|'.join(SQL_FIELDS), source.text):
        tokens = tokenize(source.text[m.end():m.end() + 4000])
        depth = 0
        expr = []
        for t in tokens:
            if t in '([{':
                depth += 1
            elif t in ')]}':
                if depth == 0:
                    break
                depth -= 1
            elif t == ',' and depth == 0:
                break
            expr.append(t)
        found.append((m.start(), ' '.join(expr)))
    return found


def collect_const_tables(text):
    """Names of static const arrays whose initialisers hold only literals,
    so an element (or a field of one) is a constant string."""
    names = set()
    for m in re.finditer(r'static\s+const\s[^=;{}]*?\b([A-Za-z_]\w*)\s*\[\s*\]\s*=\s*\{', text):
        depth = 1
        k = m.end()
        while k < len(text) and depth > 0:
            depth += text[k] == '{'
            depth -= text[k] == '}'
            k += 1
        body = text[m.end():k - 1]
        literal = True
        for t in tokenize(body):
            if t.startswith('"') or t in '{},' or re.match(r'^\d', t) or t in ('TRUE', 'FALSE', 'NULL'):
                continue
            if t in ('N_', '(', ')'):
                continue
            literal = False
            break
        if literal:
            names.add(m.group(1))
    return names


def is_table_element(expr):
    m = re.match(r'^([A-Za-z_]\w*)\s*\[[^\]]*\](\s*\.\s*[A-Za-z_]\w*)?$', expr)
    return m is not None and m.group(1) in CONST_TABLES


def expand_call(tokens, k, macros, seen):
    """If tokens[k] calls a function-like macro made only of literals and
    its parameters, with constant arguments, return the index after the
    call; else None."""
    name = tokens[k]
    if name not in FUNCTION_MACROS or name in seen or k + 1 >= len(tokens) or tokens[k + 1] != '(':
        return None
    depth = 0
    args = []
    current = []
    for j in range(k + 1, len(tokens)):
        t = tokens[j]
        if t in '([':
            depth += 1
            if depth == 1:
                continue
        elif t in ')]':
            depth -= 1
            if depth == 0:
                if current:
                    args.append(' '.join(current))
                break
        elif t == ',' and depth == 1:
            args.append(' '.join(current))
            current = []
            continue
        current.append(t)
    else:
        return None
    params, body = FUNCTION_MACROS[name]
    if len(args) != len(params) or not all(is_constant(a, macros, seen) for a in args):
        return None
    # Parameters stand for the constant arguments just checked.
    body_tokens = ['""' if t in params else t for t in tokenize(body)]
    i = 0
    while i < len(body_tokens):
        t = body_tokens[i]
        if t.startswith('"') or t in params:
            i += 1
            continue
        after = expand_call(body_tokens, i, macros, seen + (name,))
        if after is not None:
            i = after
            continue
        if re.match(r'^[A-Za-z_]\w*$', t) and t in macros and is_constant(macros[t], macros, seen + (name,)):
            i += 1
            continue
        return None
    return j + 1


def is_constant(expr, macros, seen=()):
    tokens = tokenize(expr)
    if not tokens:
        return False
    # Outer parentheses
    while tokens[0] == '(' and tokens[-1] == ')':
        depth = 0
        wraps = True
        for k, t in enumerate(tokens):
            depth += t == '('
            depth -= t == ')'
            if depth == 0 and k < len(tokens) - 1:
                wraps = False
                break
        if not wraps:
            break
        tokens = tokens[1:-1]
        if not tokens:
            return False
    # cond ? a : b at the top level
    depth = 0
    question = None
    for k, t in enumerate(tokens):
        if t in '([':
            depth += 1
        elif t in ')]':
            depth -= 1
        elif t == '?' and depth == 0:
            question = k
            break
    if question is not None:
        depth = 0
        nested = 0
        for k in range(question + 1, len(tokens)):
            t = tokens[k]
            if t in '([':
                depth += 1
            elif t in ')]':
                depth -= 1
            elif t == '?' and depth == 0:
                nested += 1
            elif t == ':' and depth == 0:
                if nested:
                    nested -= 1
                    continue
                a = ' '.join(tokens[question + 1:k])
                b = ' '.join(tokens[k + 1:])
                return is_constant(a, macros, seen) and is_constant(b, macros, seen)
        return False
    if re.match(r'^[A-Za-z_]\w*\s*-\s*>\s*(%s)$' % '|'.join(SQL_FIELDS), ' '.join(tokens)):
        return True  # checked where it is initialised
    k = 0
    while k < len(tokens):
        t = tokens[k]
        if t.startswith('"'):
            k += 1
            continue
        after = expand_call(tokens, k, macros, seen)
        if after is not None:
            k = after
            continue
        if re.match(r'^[A-Za-z_]\w*$', t) and t in macros and t not in seen:
            if is_constant(macros[t], macros, seen + (t,)):
                k += 1
                continue
        return False
    return True


class Source:
    def __init__(self, path, rel):
        self.path = path
        self.rel = rel
        with open(path, encoding='utf-8') as f:
            self.raw = f.read()
        self.text = strip_comments(self.raw)
        self.raw_lines = self.raw.split('\n')

    def line_of(self, offset):
        return self.text.count('\n', 0, offset) + 1

    def allowed(self, line):
        return any(ALLOW in self.raw_lines[k - 1] for k in range(max(1, line - 3), line + 1))

    def enclosing_function(self, offset):
        """Name and parameter names of the function around offset (GNU style:
        the name starts a line, the body's braces start a line)."""
        best = None
        for m in re.finditer(r'^([A-Za-z_]\w*)\s*\(', self.text[:offset], re.M):
            best = m
        if best is None:
            return None, []
        args, end = split_args(self.text, best.end() - 1)
        if args is None or not is_declaration(args):
            return None, []
        names = []
        for a in args:
            m = re.search(r'([A-Za-z_]\w*)\s*(\[\s*\])?\s*$', a)
            names.append(m.group(1) if m else '')
        return best.group(1), names


def find_calls(source, name):
    for m in re.finditer(r'\b' + re.escape(name) + r'\s*\(', source.text):
        args, _ = split_args(source.text, m.end() - 1)
        if args is None or is_declaration(args):
            continue
        yield m.start(), args


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument('src', nargs='?', default=os.path.join(here, '..', '..', 'src'))
    parser.add_argument('--expect-problems', type=int, default=None)
    options = parser.parse_args()

    root = os.path.abspath(options.src)
    sources = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for filename in sorted(filenames):
            if filename.endswith(('.c', '.h')):
                path = os.path.join(dirpath, filename)
                sources.append(Source(path, os.path.relpath(path, root)))

    macros = {}
    for source in sources:
        macros.update(collect_macros(source.text))
        FUNCTION_MACROS.update(collect_function_macros(source.text))
        CONST_TABLES.update(collect_const_tables(source.text))

    sinks = dict(SINKS)
    problems = []
    allowed = []
    checked = 0

    # Wrappers pass a parameter on; find them until nothing new turns up.
    changed = True
    while changed:
        changed = False
        for source in sources:
            for name, index in list(sinks.items()):
                for offset, args in find_calls(source, name):
                    if index >= len(args):
                        continue
                    expr = args[index].strip()
                    if not re.match(r'^[A-Za-z_]\w*$', expr) or expr in macros:
                        continue
                    function, params = source.enclosing_function(offset)
                    if function and expr in params and function not in sinks:
                        sinks[function] = params.index(expr)
                        changed = True

    for source in sources:
        in_store = source.rel.split(os.sep)[0] == 'store'
        for name in FORBIDDEN:
            for offset, _ in find_calls(source, name):
                problems.append('%s:%d: %s() builds SQL from a format'
                                % (source.rel, source.line_of(offset), name))
        for name, index in sorted(sinks.items()):
            for offset, args in find_calls(source, name):
                line = source.line_of(offset)
                where = '%s:%d' % (source.rel, line)
                if not in_store:
                    problems.append('%s: %s() outside src/store/: SQL lives in the store only' % (where, name))
                    continue
                if index >= len(args):
                    problems.append('%s: %s() without its SQL argument' % (where, name))
                    continue
                expr = ' '.join(args[index].split())
                function, params = source.enclosing_function(offset)
                checked += 1
                if is_constant(expr, macros) or is_table_element(expr):
                    continue
                if function in sinks and expr in params and params.index(expr) == sinks[function]:
                    continue  # a wrapper; its callers are checked
                if source.allowed(line):
                    allowed.append('%s: %s (%s)' % (where, expr, name))
                    continue
                problems.append('%s: the SQL of %s() is not a constant string: %s' % (where, name, expr))

    for source in sources:
        for offset, expr in find_field_initialisers(source):
            where = '%s:%d' % (source.rel, source.line_of(offset))
            checked += 1
            if source.rel.split(os.sep)[0] != 'store':
                problems.append('%s: SQL outside src/store/: SQL lives in the store only' % where)
            elif not is_constant(expr, macros) and not source.allowed(source.line_of(offset)):
                problems.append('%s: the SQL of a row description is not a constant string: %s' % (where, expr))

    print('Checked %d SQL arguments in %d files; wrappers: %s'
          % (checked, len(sources), ', '.join(sorted(set(sinks) - set(SINKS))) or 'none'))
    for a in allowed:
        print('allowed: ' + a)
    for p in problems:
        print('problem: ' + p)

    if options.expect_problems is not None:
        ok = len(problems) == options.expect_problems
        print('%d problems, %d expected' % (len(problems), options.expect_problems))
        return 0 if ok else 1

    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
