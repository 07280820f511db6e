"""Text helpers shared by ingest, extract and publish: sentences, dates, numbers,
regex tries, titles and the country gazetteer.

They sit below every room that reads text, so that ingest (which guesses a
document's country and date) and publish (which matches law titles) need not
import extraction. Nothing here knows about documents, facts or storage.
"""
