#!/usr/bin/env python3
"""Messages the code prints without gettext: every message argument of a diagnostic call
(Diagnostics error/warning/note, Error, UsageError, and the helpers that throw them: refuse,
stop, cell_problem, too_big; a Diagnostic written out as {where, Severity::..., item, message})
and every `err <<` / `std::cerr <<` / `fprintf(stderr` line is checked; a string
literal holding English words there that is not inside tr()/trf()/trn()/N_() is reported as
FILE:LINE. Exit 1 when any is found.  tests/i18n/unmarked.py SOURCE_DIR"""
import os, re, sys

CALLS = r'\b(?:error|warning|note|Error|UsageError|refuse|stop|cell_problem|too_big)\('
WORDS = re.compile(r'"(?:[^"\\]|\\.)*[A-Za-z]{2,} [a-z]{2,}(?:[^"\\]|\\.)*"')
# The program's name with a command, as a prefix or in a usage line: not words to translate.
PROGRAM = re.compile(r'"\s*careermap [a-z]+(?:: ?|\s\[[^"]*\]\\n|\s*)"$')
MARKS = re.compile(r'\b(?:tr|trf|trn|tr_in|N_|NC_|answer_message)\(')
# Not messages to a person: development tools, the manual page's own English, machine output.
SKIP = {'tools/bench.cpp', 'tools/synth_cohort.cpp', 'tools/help.cpp', 'engine/messages.cpp'}


def strip_marked(text):
    """`text` without the arguments of marked calls (their literals are translated)."""
    out, i = [], 0
    while True:
        m = MARKS.search(text, i)
        if not m:
            out.append(text[i:])
            return ''.join(out)
        out.append(text[i:m.start()])
        j, depth = m.end() - 1, 0
        while j < len(text):
            c = text[j]
            if c == '"':
                j += 1
                while j < len(text) and text[j] != '"':
                    j += 2 if text[j] == '\\' else 1
            elif c == '(':
                depth += 1
            elif c == ')':
                depth -= 1
                if depth == 0:
                    break
            j += 1
        i = j + 1


def statements(src):
    """(line, text) of each statement that starts a diagnostic call or writes to err/cerr."""
    for m in re.finditer(CALLS + r'|\b(?:err|std::cerr)\s*<<|Severity::(?:error|warning|note),|fprintf\(stderr', src):
        end = m.start()
        while end < len(src) and src[end] != ';':  # the statement's end, past string literals
            if src[end] == "'" and src.find("'", end + 2) <= end + 3:  # a character literal: '"', '\\n'
                end = src.find("'", end + 2) + 1
                continue
            if src[end] == '"':
                end += 1
                while src[end] != '"':
                    end += 2 if src[end] == '\\' else 1
            end += 1
        yield src.count('\n', 0, m.start()) + 1, src[m.start():end]


def main():
    root = sys.argv[1]
    found = 0
    for d in ('engine', 'reports', 'tools'):
        for name in sorted(os.listdir(os.path.join(root, d))):
            rel = d + '/' + name
            if not name.endswith('.cpp') or rel in SKIP:
                continue
            src = open(os.path.join(root, rel), encoding='utf-8').read()
            src = re.sub(r'//[^\n]*', '', src)
            for line, text in statements(src):
                for lit in WORDS.findall(strip_marked(text)):
                    if PROGRAM.match(lit):
                        continue
                    print(f'{rel}:{line}: not translated: {lit}')
                    found += 1
    sys.exit(1 if found else 0)


main()
