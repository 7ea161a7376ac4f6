;;; charterlint.el --- charterlint's language server in Emacs, through eglot  -*- lexical-binding: t; -*-

;; Load it from your init file: (load "/path/to/charterlint.el"). Charter files get modes of
;; their own, derived from the YAML, JSON and Markdown modes, that start eglot with
;; `charterlint server': findings as Flymake diagnostics, eldoc on hover, completion,
;; xref-find-definitions and code actions (M-x eglot-code-actions).
;; yaml-mode and markdown-mode come from MELPA; with Emacs 29's yaml-ts-mode, derive from it instead.

;;; Code:

(require 'eglot)

(define-derived-mode charter-yaml-mode yaml-mode "Charter"
  "A customer service charter in YAML, checked by charterlint.")
(define-derived-mode charter-json-mode js-json-mode "Charter"
  "A customer service charter in JSON, checked by charterlint.")
(define-derived-mode charter-markdown-mode markdown-mode "Charter"
  "A customer service charter in Markdown with front matter, checked by charterlint.")

(add-to-list 'auto-mode-alist '("\\.charter\\.ya?ml\\'" . charter-yaml-mode))
(add-to-list 'auto-mode-alist '("\\.charter\\.json\\'" . charter-json-mode))
(add-to-list 'auto-mode-alist '("\\.charter\\.md\\'" . charter-markdown-mode))

(add-to-list 'eglot-server-programs
             '((charter-yaml-mode charter-json-mode charter-markdown-mode) . ("charterlint" "server")))

(dolist (hook '(charter-yaml-mode-hook charter-json-mode-hook charter-markdown-mode-hook))
  (add-hook hook #'eglot-ensure))

(provide 'charterlint)
;;; charterlint.el ends here
