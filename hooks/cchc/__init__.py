"""The CCHC content library: load, validate and model the content of a reform column.

Plain Python that never imports MkDocs, so the hooks in ``hooks/`` stay thin
adapters and the core can move to another site builder.
"""
