#!/usr/bin/env python3
"""Regenerates src/engine/formats/pmml/functions/testdata/java-regex-differential.json.

Random Java patterns (anchors, classes, lookarounds, greedy/lazy/possessive quantifiers, inline flags) and
inputs are replaced with `<$0>` by java.util.regex (needs a JDK on PATH); the TypeScript translation must
give the same strings. Quantified groups never have bodies that can match the empty string: there the two
engines differ by design (see java-regex.ts).

Usage: python3 scripts/java-regex-differential/generate.py
"""
import json, os, random, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', '..', 'src', 'engine', 'formats', 'pmml', 'functions', 'testdata', 'java-regex-differential.json')

ATOM_SETS = [
    ['a', 'b', 'A', '1', '.', '\\d', '\\w', '\\s', '\\S', '[ab]', '[^a]', '[a-b]', '[\\w&&[^a]]', '\\p{Lower}',
     '\\p{Alpha}', '\\h', '\\R', '\\Qa.\\E', '\\x41', '\\n'],
    ['a', 'b', 'A', '1', '.', '\\d', '\\w', '\\s', '[ab]', '[^a\\n]', '[A-b]', '[\\S&&[^1]]', '\\P{Alpha}',
     '\\p{Punct}', '\\v', '\\x41', '\\r', '\\.', '(?<=a)', '(?<!b)', '(?!1)', '\\b', '\\B', '\\Z', '$', '^'],
]
QUANTIFIERS = ['', '', '', '*', '+', '?', '{1,2}', '*?', '+?', '*+', '++', '?+', '{2}']
SOLID_QUANTIFIERS = ['', '', '+', '{1,2}', '+?', '++', '{2}']
ZERO_WIDTH = {'(?<=a)', '(?<!b)', '(?!1)', '\\b', '\\B', '\\Z', '$', '^'}
FLAGS = ['', '', '', '(?i)', '(?m)', '(?s)', '(?im)', '(?x)']


def pattern(rng, atoms):
    solid_atoms = [atom for atom in atoms if atom not in ZERO_WIDTH]

    def node(depth, solid):
        """A pattern piece; a solid one cannot match the empty string."""
        r = rng.random()
        if depth > 2 or r < 0.5:
            return rng.choice(solid_atoms if solid else atoms) + rng.choice(SOLID_QUANTIFIERS if solid else QUANTIFIERS)
        if r < 0.65:
            # Only solid bodies are repeated: see the module docstring.
            return '(' + seq(depth + 1, True) + ')' + rng.choice(['', '', '+', '{2}', '++'])
        if r < 0.75:
            return '(?:' + seq(depth + 1, solid) + '|' + seq(depth + 1, solid) + ')'
        if r < 0.82:
            return '(?>' + seq(depth + 1, solid) + ')'
        if r < 0.88:
            return '(?i:' + seq(depth + 1, solid) + ')'
        if solid:
            return rng.choice(solid_atoms)
        if r < 0.92:
            return rng.choice(['^', '$', '\\b', '\\z', '\\Z', '\\A'])
        return '(?=' + seq(depth + 1, False) + ')'

    def seq(depth, solid):
        return ''.join(node(depth, solid) for _ in range(rng.randint(1, 3)))

    return rng.choice(FLAGS) + seq(0, False)


def main():
    rng = random.Random(2026)
    patterns = [pattern(rng, atoms) for atoms in ATOM_SETS for _ in range(150)]
    inputs = [''.join(rng.choice('aAb1 \n\r.') for _ in range(rng.randint(0, 8))) for _ in range(6)]
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, 'cases.txt'), 'w') as f:
            for text in inputs + patterns:
                f.write(text.encode('unicode_escape').decode() + '\n')
        subprocess.run(['javac', '-d', tmp, os.path.join(HERE, 'Differential.java')], check=True)
        run = subprocess.run(['java', '-cp', tmp, 'Differential', os.path.join(tmp, 'cases.txt'), str(len(inputs))],
                             check=True, capture_output=True, text=True)
        version = subprocess.run(['java', '-version'], capture_output=True, text=True).stderr.splitlines()[0]
    outputs = [json.loads(line) for line in run.stdout.splitlines()]
    cases = [{'pattern': p, 'outputs': o} for p, o in zip(patterns, outputs)]
    document = {'generator': 'scripts/java-regex-differential/generate.py', 'java': version,
                'replacement': '<$0>', 'inputs': inputs, 'cases': cases}
    # One case per line keeps the file reviewable in diffs.
    head = {key: value for key, value in document.items() if key != 'cases'}
    with open(OUT, 'w') as f:
        f.write(json.dumps(head)[:-1] + ', "cases": [\n')
        f.write(',\n'.join(json.dumps(case) for case in cases))
        f.write('\n]}\n')


if __name__ == '__main__':
    main()
