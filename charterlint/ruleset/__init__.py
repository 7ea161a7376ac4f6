"""Rules as data: rule files and the built-in index, the registry binding them to checks, rule
selection and presets, rule packs and plugins, and the rule documentation made from them."""
