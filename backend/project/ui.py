"""The terminal UI of a project translation: rich's progress bar and the summary table."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from backend.project.report import ProjectReport
from backend.transpiler.record import Status


def progress_bar(console: Console, enabled: bool) -> Progress:
    """One bar over the modules; shown only on a terminal, and gone when it is done."""
    return Progress(
        TextColumn("[bold]translating"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[module]}"),
        console=console,
        transient=True,
        disable=not (enabled and console.is_terminal),
    )


_STATUS_STYLE = {
    Status.VERIFIED: "green",
    Status.COMPILES: "green",
    Status.UNVERIFIED: "yellow",
    Status.PARTIAL: "yellow",
    Status.FAILED: "red",
}


def summary_table(report: ProjectReport) -> Table:
    """A rich table: one row per module, then a totals row."""
    table = Table(title=f"{report.crate_name}: {len(report.modules)} modules")
    table.add_column("module")
    table.add_column("status")
    table.add_column("placeholders", justify="right")
    table.add_column("ms", justify="right")
    for m in report.modules:
        style = _STATUS_STYLE[m.status]
        table.add_row(
            m.module, f"[{style}]{m.status.value}[/]", str(m.placeholders), f"{m.elapsed_ms:.0f}"
        )
    table.add_section()
    table.add_row(
        "total",
        f"{len(report.failed)} failed",
        str(sum(m.placeholders for m in report.modules)),
        f"{report.elapsed_ms:.0f}",
    )
    return table
