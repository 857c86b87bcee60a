#!/usr/bin/env python3
"""Regenerates src/engine/formats/pmml/functions/testdata/java-format-differential.json.

Random numbers are formatted by java.util.Formatter (`String.format(pattern, value)`, needs a JDK on PATH);
`formatNumber` must give the same strings. Doubles whose `Double.toString` is not the shortest decimal form
(JDK 17 and older; fixed in JDK 19, JDK-4511638) are left out, because Java then rounds other digits.

Usage: python3 scripts/java-format-differential/generate.py
"""
import json, os, random, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', '..', 'src', 'engine', 'formats', 'pmml', 'functions', 'testdata', 'java-format-differential.json')

DOUBLE_PATTERNS = ['%.2f', '%.0f', '%.3e', '%g', '%.4g', '%.10f', '%e', '%.1f', '%,.3f', '%.15g', '%+08.2f',
                   '%-12.4e|', '%(,.2f', '% .1f', '%#.0f', '%.0e', '%G', '%s', '%.5s', '%12.6G']
INTEGER_PATTERNS = ['%d', '%5d', '%-5d|', '%05d', '%+d', '%,d', '%(d', '%x', '%X', '%#x', '%o', '%#o', '%s', '%08X']


def random_double(rng, i):
    kind = i % 5
    if kind == 0:
        return rng.random() * 1000
    if kind == 1:
        return round(rng.random() * 100000) / 1000
    if kind == 2:
        return (rng.random() - 0.5) * 10 ** rng.randint(-20, 19)
    if kind == 3:
        return round(rng.random() * 1000) / 200 + 0.005
    return rng.gauss(0, 1e6)


def significant_digits(text):
    """The digits of a number's text without sign, point, exponent and surrounding zeros."""
    mantissa = text.lower().split('e')[0]
    return mantissa.replace('-', '').replace('.', '').strip('0')


def main():
    rng = random.Random(2026)
    cases = [('double', DOUBLE_PATTERNS[i % len(DOUBLE_PATTERNS)], repr(random_double(rng, i))) for i in range(400)]
    cases += [('integer', INTEGER_PATTERNS[i % len(INTEGER_PATTERNS)], str(rng.randint(-2**31, 2**31 - 1) >> rng.randint(0, 30)))
              for i in range(100)]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'cases.txt')
        with open(path, 'w') as f:
            f.write(''.join(f'{kind}\t{pattern}\t{value}\n' for kind, pattern, value in cases))
        subprocess.run(['javac', '-d', tmp, os.path.join(HERE, 'FormatDifferential.java')], check=True)
        run = subprocess.run(['java', '-cp', tmp, 'FormatDifferential', path], check=True, capture_output=True, text=True)
        version = subprocess.run(['java', '-version'], capture_output=True, text=True).stderr.splitlines()[0]
    kept = []
    for (kind, pattern, value), line in zip(cases, run.stdout.splitlines()):
        java_string, formatted = line.split('\t', 1)
        if kind == 'double' and significant_digits(java_string) != significant_digits(repr(float(value))):
            continue
        kept.append({'kind': kind, 'pattern': pattern, 'value': value, 'java': formatted})
    head = {'generator': 'scripts/java-format-differential/generate.py', 'java': version}
    with open(OUT, 'w') as f:
        f.write(json.dumps(head)[:-1] + ', "cases": [\n')
        f.write(',\n'.join(json.dumps(case) for case in kept))
        f.write('\n]}\n')


if __name__ == '__main__':
    main()
