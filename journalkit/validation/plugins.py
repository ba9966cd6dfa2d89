"""Journal rules from plugins (the ``journalkit_validation_rules`` hook).

A plugin returns callables ``rule(tree) -> Iterable[Finding]`` and/or paths
to Schematron files. Both are collected once per plugin manager (Schematron
files are compiled at their first check), and both are fenced: a rule that
raises, or returns something that is not a :class:`Finding`, becomes one
error finding naming the rule, so one journal's bug cannot stop a batch.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from lxml import etree

from .findings import Finding
from .schematron import Schematron

RuleFn = Callable[[etree._ElementTree], Iterable[Finding]]


class PluginRule:
    """One journal rule, with the name findings about it will carry."""

    def __init__(self, name: str, fn: RuleFn | None = None, schematron: Schematron | None = None) -> None:
        self.name = name
        self.fn = fn
        self.schematron = schematron

    def check(self, tree: etree._ElementTree, file: str | None, dtd: etree.DTD | None = None) -> list[Finding]:
        if self.schematron is not None:
            return self.schematron.check(tree, file, dtd)
        assert self.fn is not None
        try:
            produced = list(self.fn(tree) or ())
        except Exception as exc:
            return [Finding("error", "plugin:rule-crashed", "plugin",
                            f"validation rule {self.name} raised {type(exc).__name__}: {exc}", file)]
        out = []
        for item in produced:
            if not isinstance(item, Finding):
                out.append(Finding("error", "plugin:bad-result", "plugin",
                                   f"validation rule {self.name} returned {type(item).__name__}, not a Finding",
                                   file))
                continue
            rule = item.rule if ":" in item.rule else f"plugin:{item.rule}"
            out.append(replace(item, source="plugin", rule=rule, file=item.file or file))
        return out


def _name_of(obj: Any) -> str:
    mod = getattr(obj, "__module__", None) or ""
    qual = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None) or type(obj).__name__
    return f"{mod}.{qual}" if mod else qual


@functools.lru_cache(maxsize=8)
def plugin_rules(pm: Any) -> tuple[PluginRule, ...]:
    """Every rule the registered plugins contribute (cached per manager)."""
    rules: list[PluginRule] = []
    for result in pm.hook.journalkit_validation_rules():
        for item in result or ():
            if isinstance(item, (str, os.PathLike)):
                path = Path(item)
                rules.append(PluginRule(
                    str(path),
                    schematron=Schematron(path, source="plugin", prefix=f"plugin:{path.stem}"),
                ))
            elif callable(item):
                rules.append(PluginRule(_name_of(item), fn=item))
            else:
                rules.append(PluginRule(repr(item), fn=_not_a_rule(item)))
    return tuple(rules)


def _not_a_rule(item: Any) -> RuleFn:
    def rule(tree: etree._ElementTree) -> list[Finding]:
        return [Finding("error", "plugin:bad-rule", "plugin",
                        f"journalkit_validation_rules returned {item!r}: neither a callable nor a path")]
    return rule
