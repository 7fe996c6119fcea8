"""The Emacs package (editors/emacs/portalis.el) in a real `emacs --batch` with eglot (Debian
`emacs-nox elpa-eglot`), driving the real `portalis-lsp` over stdio: connect, hover, the
code action through `portalis-translate` (eglot's own prompt answered as a user would),
then the server commands. The Lisp script records what it saw into a JSON file."""

from __future__ import annotations

import json
import shutil
from typing import Any

import pytest
from editor_support import (
    EDITORS,
    editor_env,
    make_workspace,
    require_tool,
    run_editor,
    scratch_dir,
)

pytestmark = pytest.mark.slow  # starts real processes (Emacs)

PACKAGE = EDITORS / "emacs"
EMACS_HOW = "install it with scripts/ensure-system-deps.sh (apt: emacs-nox elpa-eglot)"

# Debian's elpa-eglot lives in the system package directory, which -Q does not activate.
# Native compilation would write trampolines for the stubbed primitives into
# ~/.emacs.d/eln-cache: turned off, so that nothing is written outside the scratch folder.
PRELUDE = r"""
(setq comp-enable-subr-trampolines nil native-comp-enable-subr-trampolines nil)
(require 'package)
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
"""

SCRIPT = (
    ";;; -*- lexical-binding: t; -*-\n"
    + PRELUDE
    + r"""
(require 'json)
(require 'seq)
(defvar record nil)
(defvar notes nil)
(defun note (key value) (push (cons key value) record))
(advice-add 'message :after
            (lambda (format &rest args) (when format (push (apply #'format format args) notes))))
(defun wait-for (what predicate)
  (let ((deadline (+ (float-time) 120)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (unless (funcall predicate) (error "Timed out waiting for %s" what))))
(defun noted (needle) (seq-find (lambda (line) (string-search needle line)) notes))

(defun main ()
  (add-to-list 'load-path (getenv "PORTALIS_PACKAGE"))
  (require 'portalis)
  (setq portalis-settings '(:outputDir "rust"))
  (find-file (getenv "PORTALIS_PYFILE"))
  ;; M-x eglot: `eglot-ensure' waits for a command loop that batch mode does not run.
  (apply #'eglot (eglot--guess-contact))
  (wait-for "the connection" #'eglot-current-server)
  (note 'server-class (symbol-name (eieio-object-class (eglot-current-server))))
  (note 'server-command (process-command (jsonrpc--process (eglot-current-server))))

  (goto-char (point-min))
  (re-search-forward "^def a")
  (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                (eglot--TextDocumentPositionParams) :timeout 120)))
    (note 'hover (plist-get (plist-get hover :contents) :value)))

  ;; As from M-x (a keyboard event, not a mouse click): eglot prompts with completing-read.
  (cl-letf (((symbol-function 'completing-read)
             (lambda (_prompt collection &rest _)
               (note 'choices (mapcar #'car collection))
               "Translate `add` to Rust"))
            ((symbol-function 'y-or-n-p) (lambda (&rest _) t)))
    (let ((last-nonmenu-event ?\C-m))
      (portalis-translate (point))))

  (portalis-check-file)
  (wait-for "the check's verdict" (lambda () (noted "CPython prints")))

  (portalis-show-translation)
  (wait-for "the translation"
            (lambda () (string-search "portalis-preview"
                                      (or (buffer-file-name (window-buffer)) ""))))
  (with-current-buffer (window-buffer)
    (note 'preview (buffer-string))
    (note 'preview-read-only buffer-read-only)))

(condition-case err (main)
  (error (note 'error (format "%S" err))))
(note 'notes (reverse notes))
(with-temp-file (getenv "PORTALIS_RESULT") (insert (json-encode record)))
(kill-emacs 0)
"""
)


def emacs() -> str:
    return require_tool("emacs", how=EMACS_HOW)


def test_eglot_connects_hovers_and_applies_the_code_action() -> None:
    with scratch_dir() as scratch:
        root = make_workspace(scratch)
        script = scratch / "test.el"
        script.write_text(SCRIPT)
        result = scratch / "result.json"
        env = {
            **editor_env(scratch),
            "PORTALIS_PACKAGE": str(PACKAGE),
            "PORTALIS_PYFILE": str(root / "calc.py"),
            "PORTALIS_RESULT": str(result),
        }
        proc = run_editor([emacs(), "--batch", "-Q", "-l", str(script)], cwd=root, env=env)
        assert result.exists(), f"emacs wrote no result:\n{proc.stdout}\n{proc.stderr}"
        found: dict[str, Any] = json.loads(result.read_text())
        assert "error" not in found, f"{found['error']}\nrecord: {found}\n{proc.stderr}"

        assert found["server-class"] == "portalis-eglot-server"
        assert found["server-command"] == ["portalis-lsp"]
        assert "pub fn add(a: i64, b: i64) -> i64" in found["hover"]
        assert found["choices"] == ["Translate `add` to Rust", "Translate file to Rust"]
        # portalis-settings reached the server (outputDir), and the .rs file was saved
        rust = (root / "rust" / "calc.rs").read_text()
        assert rust.startswith("// portalis:begin add\n")
        assert "pub fn add(a: i64, b: i64) -> i64 {\n    a.py_add(b)\n}" in rust
        assert not (root / "calc.rs").exists()
        assert any("prints exactly what CPython prints" in line for line in found["notes"])
        assert "fn mul(a: i64, b: i64) -> i64" in found["preview"]
        assert found["preview-read-only"] is True


def test_the_package_byte_compiles_without_warnings() -> None:
    with scratch_dir() as scratch:
        copy = scratch / "portalis.el"
        shutil.copy(PACKAGE / "portalis.el", copy)
        setup = f"(progn {PRELUDE} (setq byte-compile-error-on-warn t))"
        compile_it = ["-f", "batch-byte-compile", str(copy)]
        proc = run_editor(
            [emacs(), "--batch", "-Q", "--eval", setup, *compile_it],
            cwd=scratch,
            env=editor_env(scratch),
        )
        assert proc.returncode == 0, proc.stderr
        assert (scratch / "portalis.elc").is_file()
