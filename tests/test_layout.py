"""Where names come from, checked by walking every module of ``quiz/`` with ``ast``.

* **Aggregates keep their insides.** Code outside ``quiz.services.<aggregate>`` imports from it
  only through its ``__init__`` (``from quiz.services.boards import board_page``, never
  ``from quiz.services.boards.pages import …``).
* **A name comes from the module that defines it.** Importing a name through a module that only
  imported it is refused; a package's ``__init__`` may re-export its public API, to code outside
  that package only (code inside a subpackage imports from the defining module).
* **No re-exports outside ``__init__`` files.** A name imported into a module must be used there,
  and ``__all__`` lists only names the module defines.

The walk reads the installed ``quiz`` package (wherever it is), so it also checks a wheel.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

import quiz

ROOT = Path(quiz.__file__).resolve().parent
SERVICES = "quiz.services"

#: Problems this suite reports but does not fix (keyed without line numbers). Each must still
#: occur: once one is fixed, delete its entry.
KNOWN = {
    # quiz/bank/ belongs to the question-generator issue; issue 9 leaves it alone.
    *(
        (
            f"quiz/bank/{name}.py",
            "imports display from quiz.bank.stems, which does not define it "
            "(quiz.bank.stem_text does)",
        )
        for name in ("distractors", "generate", "questions")
    ),
    ("quiz/bank/stems.py", "__all__ lists display, which it only imports"),
    ("quiz/bank/distractors.py", "__all__ lists for_item, which it only imports"),
    ("quiz/bank/distractors.py", "__all__ lists for_members, which it only imports"),
    ("quiz/bank/distractors.py", "imports for_item without using it"),
    ("quiz/bank/distractors.py", "imports for_members without using it"),
}


@dataclass
class Module:
    """One module of the package: its dotted name, syntax tree and top-level names."""

    name: str
    path: Path
    is_package: bool
    tree: ast.Module
    defined: set[str] = field(default_factory=set)
    imported: dict[str, int] = field(default_factory=dict)  # top-level import → line

    @property
    def package(self) -> str:
        """The package relative imports start from."""
        return self.name if self.is_package else self.name.rpartition(".")[0]

    @property
    def where(self) -> str:
        return str(self.path.relative_to(ROOT.parent))


def _top_level(body):
    """Statements at module level, including those nested in if/try/with blocks."""
    for node in body:
        yield node
        if isinstance(node, ast.If | ast.With | ast.For | ast.While):
            yield from _top_level(node.body)
            yield from _top_level(getattr(node, "orelse", []))
        elif isinstance(node, ast.Try):
            yield from _top_level(node.body)
            for handler in node.handlers:
                yield from _top_level(handler.body)
            yield from _top_level(node.orelse)
            yield from _top_level(node.finalbody)


def _bound_names(target) -> set[str]:
    return {node.id for node in ast.walk(target) if isinstance(node, ast.Name)}


def _read(path: Path) -> Module:
    relative = path.relative_to(ROOT.parent).with_suffix("")
    parts = list(relative.parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return _parse(".".join(parts), path, is_package, path.read_text("utf-8"))


def _parse(name: str, path: Path, is_package: bool, source: str) -> Module:
    module = Module(name, path, is_package, ast.parse(source))
    for node in _top_level(module.tree.body):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            module.defined.add(node.name)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                module.defined |= _bound_names(target)
        elif isinstance(node, ast.AnnAssign | ast.AugAssign | ast.For):
            module.defined |= _bound_names(node.target)
        elif isinstance(node, ast.With):
            for item in node.items:
                if item.optional_vars is not None:
                    module.defined |= _bound_names(item.optional_vars)
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            for alias in node.names:
                module.imported[alias.asname or alias.name] = node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                module.imported[alias.asname or alias.name.partition(".")[0]] = node.lineno
    return module


@cache
def modules() -> dict[str, Module]:
    """Every module of the quiz package by dotted name."""
    found = (_read(path) for path in sorted(ROOT.rglob("*.py")))
    return {module.name: module for module in found}


def _absolute(module: Module, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.package.split(".")
    if node.level > 1:
        base = base[: -(node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


@dataclass(frozen=True)
class Import:
    """``from source import name`` (``name`` None for ``import source``) in ``module``."""

    module: Module
    source: str
    name: str | None
    line: int


def imports() -> list[Import]:
    """Every import of a quiz module by a quiz module, lazy imports inside functions included."""
    found = []
    for module in modules().values():
        for node in ast.walk(module.tree):
            if isinstance(node, ast.ImportFrom):
                source = _absolute(module, node)
                if source == "quiz" or source.startswith("quiz."):
                    found += [Import(module, source, a.name, node.lineno) for a in node.names]
            elif isinstance(node, ast.Import):
                found += [
                    Import(module, a.name, None, node.lineno)
                    for a in node.names
                    if a.name.startswith("quiz.")
                ]
    return found


def aggregates() -> set[str]:
    """The services subpackages (accounts, questions, contests, attempts, boards, results)."""
    return {
        name
        for name, module in modules().items()
        if module.is_package and name.rpartition(".")[0] == SERVICES
    }


def _inside(module: Module, package: str) -> bool:
    return module.name == package or module.name.startswith(package + ".")


def _is_submodule(source: str, name: str) -> bool:
    """Whether ``from source import name`` gives the submodule ``source.name``.

    A package's ``__init__`` may bind the name to something else (``from .merge import merge``
    makes ``quiz.services.accounts.merge`` the function, not the module).
    """
    if f"{source}.{name}" not in modules():
        return False
    package = modules()[source]
    if name in package.defined:
        return False
    for node in _top_level(package.tree.body):
        if (
            isinstance(node, ast.ImportFrom)
            and _absolute(package, node) != source
            and any((alias.asname or alias.name) == name for alias in node.names)
        ):
            return False
    return True


def _target(imp: Import) -> str:
    """The module an import reaches: ``from a import b`` reaches ``a.b`` when that is a module."""
    if imp.name and _is_submodule(imp.source, imp.name):
        return f"{imp.source}.{imp.name}"
    return imp.source


def _defining_module(source: str, name: str, seen: frozenset = frozenset()) -> str | None:
    """Where ``name``, imported from ``source``, is defined (following re-exports)."""
    module = modules().get(source)
    if module is None or source in seen:
        return None
    if name in module.defined:
        return source
    for node in ast.walk(module.tree):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if (alias.asname or alias.name) == name:
                    origin = _absolute(module, node)
                    return _defining_module(origin, alias.name, seen | {source}) or origin
    return None


@dataclass(frozen=True, order=True)
class Problem:
    """One violation: the file, the line, and what is wrong."""

    where: str
    line: int | None
    message: str

    @property
    def key(self) -> tuple[str, str]:
        """Line-free, so a known problem stays known while its file changes around it."""
        return (self.where, self.message)

    def __str__(self) -> str:
        line = f":{self.line}" if self.line else ""
        return f"{self.where}{line}: {self.message}"


def _show(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in sorted(problems))


def aggregate_violations() -> list[Problem]:
    """Imports reaching into an aggregate from outside it."""
    problems = []
    for imp in imports():
        target = _target(imp)
        for aggregate in aggregates():
            if target.startswith(aggregate + ".") and not _inside(imp.module, aggregate):
                what = f"from {imp.source} import {imp.name}" if imp.name else f"import {target}"
                message = f"{what} reaches inside {aggregate}; import from its __init__"
                problems.append(Problem(imp.module.where, imp.line, message))
    return problems


def defining_module_violations() -> list[Problem]:
    """Names imported through a module that does not define them."""
    problems = []
    for imp in imports():
        source = modules().get(imp.source)
        if source is None or imp.name is None or imp.name == "*":
            continue
        if _is_submodule(imp.source, imp.name) or imp.name in source.defined:
            continue
        if source.is_package and not _inside(imp.module, imp.source):
            continue  # a package's public API, used from outside the package
        origin = _defining_module(imp.source, imp.name) or "?"
        message = f"imports {imp.name} from {imp.source}, which does not define it ({origin} does)"
        problems.append(Problem(imp.module.where, imp.line, message))
    return problems


def _used_names(tree: ast.Module) -> set[str]:
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    for node in ast.walk(tree):  # quoted annotations
        annotation = getattr(node, "annotation", None) or getattr(node, "returns", None)
        if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
            used |= _bound_names(ast.parse(annotation.value, mode="eval"))
    return used


def _dunder_all(module: Module) -> list[str]:
    for node in _top_level(module.tree.body):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return [e.value for e in node.value.elts if isinstance(e, ast.Constant)]
    return []


def reexport_violations() -> list[Problem]:
    """Modules (other than ``__init__`` files) passing on names they only imported."""
    problems = []
    for module in modules().values():
        if module.is_package:
            continue
        used = _used_names(module.tree)
        for name, line in module.imported.items():
            if name not in used:
                problems.append(Problem(module.where, line, f"imports {name} without using it"))
        for name in _dunder_all(module):
            if name not in module.defined:
                message = f"__all__ lists {name}, which it only imports"
                problems.append(Problem(module.where, None, message))
    return problems


def test_the_walk_sees_the_whole_package():
    assert {a.rpartition(".")[2] for a in aggregates()} >= {
        "accounts",
        "questions",
        "contests",
        "attempts",
        "boards",
        "results",
    }
    assert len(modules()) > 100 and len(imports()) > 300


def _new(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.key not in KNOWN]


def test_outside_code_imports_an_aggregate_only_through_its_init():
    assert not (problems := _new(aggregate_violations())), _show(problems)


def test_names_are_imported_from_the_module_that_defines_them():
    assert not (problems := _new(defining_module_violations())), _show(problems)


def test_only_init_files_re_export():
    assert not (problems := _new(reexport_violations())), _show(problems)


def test_every_known_problem_still_occurs():
    """A fixed problem leaves KNOWN, so the list only shrinks."""
    found = {p.key for p in aggregate_violations() + defining_module_violations()}
    found |= {p.key for p in reexport_violations()}
    assert not (fixed := KNOWN - found), f"no longer found, take out of KNOWN: {sorted(fixed)}"


@pytest.mark.parametrize(
    ("source", "violation"),
    [
        ("from quiz.services.boards.pages import board_page", "reaches inside"),
        ("import quiz.services.boards.pages", "reaches inside"),
        ("from quiz.services.boards import pages", "reaches inside"),
        ("from ..services.boards.state import board_state", "reaches inside"),
    ],
)
def test_the_walk_catches_reaching_inside(monkeypatch, source, violation):
    """A view importing an aggregate's module directly is reported."""
    _plant(monkeypatch, "quiz.play.planted", source)
    assert any("planted" in p.where and violation in p.message for p in aggregate_violations())


def test_the_walk_catches_a_subpackage_importing_through_its_own_init(monkeypatch):
    _plant(monkeypatch, "quiz.services.boards.planted", "from quiz.services.boards import BoardRef")
    [problem] = [p for p in defining_module_violations() if "planted" in p.where]
    assert "(quiz.services.boards.refs does)" in problem.message


def test_the_walk_catches_a_re_export(monkeypatch):
    _plant(
        monkeypatch,
        "quiz.services.boards.planted",
        "from .refs import BoardRef, Viewer\n"
        "__all__ = ['BoardRef']\n\ndef viewer():\n    return Viewer()\n",
    )
    planted = sorted(p.message for p in reexport_violations() if "planted" in p.where)
    assert planted == [
        "__all__ lists BoardRef, which it only imports",
        "imports BoardRef without using it",
    ]


def _plant(monkeypatch, name: str, source: str) -> None:
    """Add a module made of ``source`` to the walk (nothing is written to disk)."""
    path = ROOT.joinpath(*name.split(".")[1:]).with_suffix(".py")
    planted = {**modules(), name: _parse(name, path, False, source)}
    monkeypatch.setattr(f"{__name__}.modules", lambda: planted)
