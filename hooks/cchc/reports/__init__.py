"""Reports units must file: the data (``data``), as Word (``docx``) and Excel (``xlsx``)."""
