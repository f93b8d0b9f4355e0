"""``chipwatch app``: serve the Streamlit app (127.0.0.1 by default)."""

from __future__ import annotations

import ipaddress
import os
import subprocess
import sys

import click

from chipwatch.settings import MAX_PORT, PROJECT_ROOT, Settings, load_settings


def streamlit_command(address: str, port: int, max_upload_mb: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "chipwatch.ui.launch",  # Streamlit, with the app's libraries imported before it listens
        "run",
        str(PROJECT_ROOT / "app.py"),
        "--server.address",
        address,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.maxUploadSize",
        str(max_upload_mb),
        "--browser.gatherUsageStats",
        "false",
        "--client.showErrorDetails",
        "false",
        # "minimal" hides the Deploy button, which offers to publish the app to Streamlit's cloud.
        "--client.toolbarMode",
        "minimal",
        # Every table's toolbar offered "Download as CSV": its cells as shown (a name such as
        # =HYPERLINK(...) runs in a spreadsheet), outside the audit log. The page's own download
        # buttons are the exports: Excel-safe and, for the risk list and screening, audited.
        "--client.disableDataExport",
        "true",
    ]


def is_loopback(address: str) -> bool:
    """True for an address only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return False  # a host name or an interface address: reachable from elsewhere


def exposure_warning(address: str, settings: Settings) -> str | None:
    """The warning for serving the app where others can reach it with no sign-in configured."""
    if is_loopback(address) or settings.app_password_hash:
        return None
    return (
        f"Warning: the app is served on {address}, reachable from other machines, and no password is "
        "set: anyone who can reach it sees the workspace and can run screenings. Set "
        "CHIPWATCH_APP_PASSWORD_HASH to sha256:<the SHA-256 hex digest of a password>, or serve on 127.0.0.1."
    )


def serve(address: str, port: int, settings: Settings) -> None:
    """Run Streamlit in the foreground until it exits (Ctrl-C stops it)."""
    cmd = streamlit_command(address, port, settings.max_upload_mb)
    warning = exposure_warning(address, settings)
    if warning:
        click.echo(warning, err=True)
    click.echo(f"Serving chipwatch on http://{address}:{port}")
    # The child inherits CHIPWATCH_* so the app reads the same settings module.
    raise SystemExit(subprocess.call(cmd, env=os.environ.copy()))


def register(group: click.Group) -> None:
    @group.command("app")
    @click.option("--address", default=None, help="Bind address (default: CHIPWATCH_APP_ADDRESS, 127.0.0.1).")
    @click.option(
        "--port",
        type=click.IntRange(1, MAX_PORT),
        default=None,
        help="Port (default CHIPWATCH_APP_PORT or 8501).",
    )
    def app_command(address: str | None, port: int | None) -> None:
        """Start the Streamlit app on the workspace's graph."""
        settings = load_settings()
        click.echo(f"Workspace {settings.workspace}")
        serve(address or settings.app_address, port or settings.app_port, settings)
