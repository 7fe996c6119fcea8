;;; portalis.el --- Python to Rust with the Portalis language server -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; Keywords: languages, tools

;;; Commentary:

;; Portalis shows the Rust translation of the Python function under point (hover, through
;; eldoc) and translates functions, regions and files into `.rs' files.
;;
;; Loading this file registers `portalis-lsp' with eglot for `portalis-major-modes' and
;; answers the server's `workspace/configuration' requests (section "portalis") from
;; `portalis-settings'.  Then, in a Python buffer: M-x eglot (or `eglot-ensure' from
;; `python-mode-hook').
;;
;; Commands:
;;   `portalis-translate'            the function/class at point (or the region) into the .rs file
;;   `portalis-show-translation'     the whole file's translation, read-only
;;   `portalis-check-file'           run the file under CPython and as Rust, compare the output
;;   `portalis-translate-workspace'  every Python file of the project into a Cargo crate

;;; Code:

(require 'cl-lib)
(require 'eglot)
(require 'jsonrpc)
(require 'project)
(require 'seq)

(defgroup portalis nil
  "Python to Rust translation with the Portalis language server."
  :group 'tools
  :prefix "portalis-")

(defcustom portalis-server-command '("portalis-lsp")
  "The program that starts the Portalis language server, and its arguments."
  :type '(repeat string))

(defcustom portalis-major-modes '(python-mode python-ts-mode)
  "Major modes whose buffers eglot connects to Portalis.
Read when portalis.el is loaded."
  :type '(repeat symbol))

(defcustom portalis-settings nil
  "Server settings, as a plist: the keys of docs/editors.md, \"Settings\".
For example (:outputDir \"rust\" :verify :json-false); write false as
:json-false.  nil: the server's defaults, or the `:portalis' section of
`eglot-workspace-configuration' when it has one.  Directory-local values
are honoured."
  :type '(plist :key-type keyword :value-type sexp)
  :safe #'listp)

(defcustom portalis-request-timeout 300
  "Seconds to wait for a translation (a first one verifies with rustc)."
  :type 'integer)

(defconst portalis-action-kind "refactor.rewrite.rust"
  "The kind of the server's \"Translate to Rust\" code actions.")

;;; Eglot integration

(defclass portalis-eglot-server (eglot-lsp-server) ()
  :documentation "The Portalis language server.")

(defun portalis--contact (_interactive)
  "The eglot contact for Portalis (`portalis-server-command' read at start)."
  (cons 'portalis-eglot-server portalis-server-command))

(defun portalis--settings (server)
  "`portalis-settings' as seen from SERVER's project root (dir-locals included)."
  (with-temp-buffer
    (setq default-directory (project-root (eglot--project server)))
    (setq-local major-mode (car portalis-major-modes))
    (hack-dir-local-variables-non-file-buffer)
    portalis-settings))

(cl-defmethod eglot-handle-request
  ((server portalis-eglot-server) (_method (eql workspace/configuration)) &key items)
  "Answer the \"portalis\" section from `portalis-settings' when it is set."
  (let ((answers (cl-call-next-method))
        (settings (portalis--settings server)))
    (when settings
      (cl-loop for item across items
               for index from 0
               when (equal (plist-get item :section) "portalis")
               do (aset answers index settings)))
    answers))

(add-to-list 'eglot-server-programs (cons portalis-major-modes #'portalis--contact))

(defun portalis--server ()
  "The Portalis server managing the current buffer, or a user error."
  (let ((server (eglot-current-server)))
    (unless (cl-typep server 'portalis-eglot-server)
      (user-error "Portalis is not running for this buffer (M-x eglot starts it)"))
    server))

(defun portalis--buffer-uri ()
  "The current buffer's file as the URI eglot gave the server."
  (let ((file (or (buffer-file-name) (user-error "This buffer has no file"))))
    (if (fboundp 'eglot-path-to-uri)
        (eglot-path-to-uri file)
      (eglot--path-to-uri file))))

(defun portalis--uri-to-path (uri)
  "URI as a file name."
  (if (fboundp 'eglot-uri-to-path)
      (eglot-uri-to-path uri)
    (eglot--uri-to-path uri)))

(defun portalis--execute (command arguments &optional on-result)
  "Run the server's COMMAND with ARGUMENTS; call ON-RESULT with its result.
Asynchronous: a check or a workspace translation may take a while."
  (jsonrpc-async-request
   (portalis--server) :workspace/executeCommand
   (list :command command :arguments (vconcat arguments))
   :timeout portalis-request-timeout
   :success-fn (lambda (result) (when on-result (funcall on-result result)))
   :error-fn (lambda (error)
               (message "Portalis: %s failed: %s" command (plist-get error :message)))))

;;; Commands

(defun portalis--region-or-point ()
  "The region's bounds, or point alone."
  (if (use-region-p)
      (list (region-beginning) (region-end))
    (list (point) nil)))

;;;###autoload
(defun portalis-translate (beg &optional end)
  "Translate the item at BEG (or the lines from BEG to END) to Rust.
The server's code actions are offered (the item's first); the edited .rs
buffers are saved, unless they had unsaved changes before."
  (interactive (portalis--region-or-point))
  (portalis--server)
  (let ((unmodified (seq-remove #'buffer-modified-p (buffer-list)))
        (before (buffer-list))
        (jsonrpc-default-request-timeout portalis-request-timeout))
    (eglot-code-actions beg end portalis-action-kind t)
    (dolist (buffer (buffer-list))
      (let ((file (buffer-file-name buffer)))
        (when (and file (string-suffix-p ".rs" file)
                   (buffer-modified-p buffer)
                   (or (memq buffer unmodified) (not (memq buffer before))))
          (with-current-buffer buffer (save-buffer))
          (message "Portalis: wrote %s" (abbreviate-file-name file)))))))

;;;###autoload
(defun portalis-show-translation ()
  "Show the whole file's Rust translation in a read-only buffer."
  (interactive)
  (portalis--execute
   "portalis.showTranslation" (list (portalis--buffer-uri))
   (lambda (result)
     (find-file-read-only-other-window (portalis--uri-to-path (plist-get result :uri))))))

;;;###autoload
(defun portalis-check-file ()
  "Run this file under CPython and as Rust and compare what they print.
This runs your module.  The verdict comes as a message and a diagnostic."
  (interactive)
  (message "Portalis: checking %s (runs it under CPython and as Rust)"
           (file-name-nondirectory (buffer-file-name)))
  (portalis--execute "portalis.checkFile" (list (portalis--buffer-uri))))

;;;###autoload
(defun portalis-translate-workspace ()
  "Translate every Python file of the project into a Cargo crate.
The server reports the progress and the summary."
  (interactive)
  (portalis--execute "portalis.translateWorkspace" nil))

(provide 'portalis)
;;; portalis.el ends here
