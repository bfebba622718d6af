"""``cleaner rules``: list the rules and check a rule file before using it.

A rule file is data a user writes; ``cleaner rules check my_rules.toml`` loads
it with the built-in rules, compiles every pattern with the engine (a pattern
it cannot read is named by its rule id) and runs every example and
counterexample, so a rule is known to work before a corpus run depends on it.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter

from .render import normalise
from .rules import Rule, RuleError, for_language, load_rules


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("rules", help="list the rules, or check rule files (patterns, examples)")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="one line a rule: id, category, scope, where, engine, languages")
    listing.add_argument("files", nargs="*", metavar="FILE", help="rule files to add to the built-in ones")
    listing.add_argument("--language", metavar="ISO",
                         help="only the rules a page in this language runs (those of every language included)")
    listing.set_defaults(func=_list)
    check = actions.add_parser("check", help="compile every rule and run its examples; exit 1 on a failure")
    check.add_argument("files", nargs="*", metavar="FILE", help="rule files to add to the built-in ones")
    check.set_defaults(func=_check)


def failures(rule: Rule) -> list[str]:
    """What a rule gets wrong: a pattern the engine cannot build (a built-in one is only
    parsed when loaded), missed examples, matched counterexamples."""
    if problem := rule.pattern.problem():
        return [f"the engine cannot compile the pattern: {problem}"]

    def hit(text: str) -> bool:
        return rule.matches(text if rule.raw else normalise(text))
    return ([f"misses its example {e!r}" for e in rule.examples if not hit(e)]
            + [f"matches its counterexample {c!r}" for c in rule.counterexamples if hit(c)])


def _load(files: list[str]) -> list[Rule] | None:
    try:
        return load_rules(files)
    except RuleError as exc:
        print(f"cleaner rules: {exc}", file=sys.stderr)
        return None


def _engine(rule: Rule) -> str:
    return "linear" if rule.pattern.linear else "confirmed"


def _list(args: argparse.Namespace) -> int:
    rules = _load(args.files)
    if rules is None:
        return 2
    if args.language:
        rules = for_language(rules, args.language)
    for rule in rules:
        languages = ",".join(rule.languages) or "all"
        print(f"{rule.id}\t{rule.category}\t{rule.scope}\t{rule.where}\t{_engine(rule)}\t{languages}")
    return 0


def _check(args: argparse.Namespace) -> int:
    rules = _load(args.files)
    if rules is None:
        return 2
    bad = 0
    for rule in rules:
        for problem in failures(rule):
            print(f"{rule.id} ({rule.source}): {problem}")
            bad += 1
    confirmed = sum(not r.pattern.linear for r in rules)
    by_language = Counter(lang for r in rules for lang in r.languages)
    languages = ", ".join(f"{lang} {n}" for lang, n in sorted(by_language.items()))
    print(f"rules: {len(rules)} compiled ({confirmed} with lookaround, confirmed in a second step), "
          f"{len(rules) - sum(bool(r.languages) for r in rules)} for every page"
          + (f", by page language: {languages}" if languages else "") + f"; {bad} failure{'s' * (bad != 1)}")
    return 1 if bad else 0
