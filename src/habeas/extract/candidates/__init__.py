"""Candidate proposers: each reads the analysed document and proposes, generously, every
span that might state a fact of its type, with the features that justify it. A learned
scorer (``habeas.extract.scorer``) then keeps or drops each and names its kind."""
