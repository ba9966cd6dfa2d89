"""Building the plugin manager: entry points, disabling, listing.

Built once per process and per set of disabled plugins (cached), because
loading entry points costs milliseconds that must not be paid per article.
"""

from __future__ import annotations

import functools
import importlib.metadata as md
from collections.abc import Iterable
from dataclasses import dataclass

import pluggy

from . import hookspecs

ENTRY_POINT_GROUP = "journalkit"


@dataclass(frozen=True)
class PluginInfo:
    name: str
    module: str
    dist: str | None
    hooks: tuple[str, ...]


class PluginLoadError(RuntimeError):
    """An entry point in the ``journalkit`` group failed to import."""


def _new_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager("journalkit")
    pm.add_hookspecs(hookspecs)
    return pm


@functools.lru_cache(maxsize=16)
def _cached_manager(disabled: frozenset[str]) -> pluggy.PluginManager:
    pm = _new_manager()
    for name in disabled:
        pm.set_blocked(name)
    for ep in sorted(md.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        if pm.is_blocked(ep.name) or pm.get_plugin(ep.name) is not None:
            continue
        try:
            plugin = ep.load()
        except Exception as exc:  # a broken third-party plugin must name itself
            raise PluginLoadError(f"plugin {ep.name!r} ({ep.value}) failed to load: {exc}") from exc
        pm.register(plugin, name=ep.name)
        dist = getattr(ep, "dist", None)
        if dist is not None:
            pm._jk_dists = getattr(pm, "_jk_dists", {})  # type: ignore[attr-defined]
            pm._jk_dists[ep.name] = f"{dist.name} {dist.version}"  # type: ignore[attr-defined]
    return pm


def get_plugin_manager(disabled: Iterable[str] = (), extra: Iterable[object] = ()) -> pluggy.PluginManager:
    """Return a plugin manager with the entry-point plugins loaded.

    ``disabled`` names plugins to block (``-p no:NAME``). ``extra`` objects
    are registered on a fresh (uncached) manager on top, which is how tests
    and scripts add a plugin without installing it.
    """
    names = frozenset(d.removeprefix("no:") for d in disabled)
    extra = list(extra)
    if not extra:
        return _cached_manager(names)
    pm = _new_manager()
    for name in names:
        pm.set_blocked(name)
    base = _cached_manager(names)
    for name, plugin in base.list_name_plugin():
        if plugin is not None:
            pm.register(plugin, name=name)
    pm._jk_dists = getattr(base, "_jk_dists", {})  # type: ignore[attr-defined]
    for obj in extra:
        name = getattr(obj, "__name__", None) or type(obj).__name__
        if not pm.is_blocked(name):
            pm.register(obj, name=name)
    return pm


def describe(pm: pluggy.PluginManager) -> list[PluginInfo]:
    """What ``journalkit plugins`` prints: name, module, distribution, hooks."""
    dists = getattr(pm, "_jk_dists", {})
    out = []
    for name, plugin in sorted(pm.list_name_plugin(), key=lambda t: t[0]):
        if plugin is None:
            continue
        hooks = tuple(sorted(h.name for h in pm.get_hookcallers(plugin) or []))
        module = getattr(plugin, "__name__", type(plugin).__module__)
        out.append(PluginInfo(name, module, dists.get(name), hooks))
    return out
