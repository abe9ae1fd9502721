"""Clause → topic hits. Rule recognizers come from the topic files; a model recognizer may join them."""
