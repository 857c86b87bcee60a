#!/usr/bin/env python3
"""Regenerates src/engine/formats/pmml/functions/testdata/strftime-differential.json.

Random instants from year 1 to 9999 are formatted with random strftime conversions by GNU `date -u`
(glibc, C locale); `formatDatetime` must give the same strings.

Usage: python3 scripts/strftime-differential/generate.py
"""
import json, os, random, subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', '..', 'src', 'engine', 'formats', 'pmml', 'functions', 'testdata', 'strftime-differential.json')
CONVERSIONS = 'aAbBcCdDeFgGhHIjklmMprRsStTuUVwWxXyYzZ%'


def main():
    rng = random.Random(2026)
    env = dict(os.environ, LC_ALL='C', TZ='UTC')
    cases = []
    for _ in range(150):
        epoch = rng.randint(-62_000_000_000, 250_000_000_000)
        pattern = '|'.join('%' + c for c in rng.sample(CONVERSIONS, 6))
        run = subprocess.run(['date', '-u', '-d', f'@{epoch}', f'+{pattern}'], check=True, capture_output=True, text=True, env=env)
        cases.append({'epochSeconds': epoch, 'pattern': pattern, 'date': run.stdout[:-1]})
    version = subprocess.run(['date', '--version'], capture_output=True, text=True, env=env).stdout.splitlines()[0]
    with open(OUT, 'w') as f:
        f.write(json.dumps({'generator': 'scripts/strftime-differential/generate.py', 'date': version})[:-1] + ', "cases": [\n')
        f.write(',\n'.join(json.dumps(case) for case in cases))
        f.write('\n]}\n')


if __name__ == '__main__':
    main()
