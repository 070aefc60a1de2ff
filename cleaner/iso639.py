"""Common Crawl's language annotations (`WARC-Identified-Content-Language: deu,eng`,
ISO 639-3 codes from CLD2) as the language names `Config.language` accepts: the
jusText stoplist names, which `cleaner.language.stoplist` reads."""

from __future__ import annotations

from cleaner.language import stoplist

# ISO 639-3 (terminological codes, as Common Crawl writes them) -> jusText stoplist name,
# for every language jusText has a stoplist for. Macrolanguage codes go to the list
# CLD2's language of that code maps to in `cleaner.language` (nor: Bokmal, pan: Western
# Panjabi). Languages without a stoplist (Japanese, Chinese, Thai...) give no hint: the
# cleaner's own measures then apply, as for any page.
_STOPLIST_NAMES = {
    "afr": "Afrikaans", "sqi": "Albanian", "ara": "Arabic", "arg": "Aragonese",
    "hye": "Armenian", "rup": "Aromanian", "ast": "Asturian", "aze": "Azerbaijani",
    "eus": "Basque", "bel": "Belarusian", "ben": "Bengali", "bpy": "Bishnupriya_Manipuri",
    "bos": "Bosnian", "bre": "Breton", "bul": "Bulgarian", "cat": "Catalan",
    "ceb": "Cebuano", "chv": "Chuvash", "hrv": "Croatian", "ces": "Czech", "dan": "Danish",
    "nld": "Dutch", "eng": "English", "epo": "Esperanto", "est": "Estonian",
    "fin": "Finnish", "fra": "French", "glg": "Galician", "kat": "Georgian",
    "deu": "German", "ell": "Greek", "guj": "Gujarati", "hat": "Haitian", "heb": "Hebrew",
    "hin": "Hindi", "hun": "Hungarian", "isl": "Icelandic", "ido": "Ido", "ibo": "Igbo",
    "ind": "Indonesian", "gle": "Irish", "ita": "Italian", "jav": "Javanese",
    "kan": "Kannada", "kaz": "Kazakh", "kor": "Korean", "kur": "Kurdish", "kir": "Kyrgyz",
    "lav": "Latvian", "lit": "Lithuanian", "lmo": "Lombard", "nds": "Low_Saxon",
    "ltz": "Luxembourgish", "mkd": "Macedonian", "msa": "Malay", "mal": "Malayalam",
    "mlt": "Maltese", "mar": "Marathi", "nap": "Neapolitan", "nep": "Nepali",
    "new": "Newar", "nor": "Norwegian_Bokmal", "nob": "Norwegian_Bokmal",
    "nno": "Norwegian_Nynorsk", "oci": "Occitan", "fas": "Persian", "pms": "Piedmontese",
    "pol": "Polish", "por": "Portuguese", "que": "Quechua", "ron": "Romanian",
    "rus": "Russian", "sgs": "Samogitian", "srp": "Serbian", "hbs": "Serbo_Croatian",
    "scn": "Sicilian", "slk": "Slovak", "slv": "Slovenian", "spa": "Spanish",
    "sun": "Sundanese", "swa": "Swahili", "swe": "Swedish", "tgl": "Tagalog",
    "tam": "Tamil", "tel": "Telugu", "tur": "Turkish", "tuk": "Turkmen",
    "ukr": "Ukrainian", "urd": "Urdu", "uzb": "Uzbek", "vie": "Vietnamese",
    "vol": "Volapuk", "wln": "Walloon", "war": "Waray_Waray", "cym": "Welsh",
    "fry": "West_Frisian", "pan": "Western_Panjabi", "pnb": "Western_Panjabi",
    "yor": "Yoruba",
}  # fmt: skip

PLACEHOLDER = "lat"
"""Latin is passed over as `cleaner.language.PLACEHOLDER` is: on a web page it is a
template's lorem ipsum far more often than the article's language."""


def language_hint(annotation: str | None) -> str | None:
    """The stoplist name of the first language listed in a Common Crawl annotation
    (`"deu,eng"` -> "German"), or None where it names none with a stoplist."""
    if not annotation:
        return None
    codes = [c.strip().lower() for c in annotation.split(",")]
    first = next((c for c in codes if c and c != PLACEHOLDER), None)
    name = _STOPLIST_NAMES.get(first or "")
    return name if name is not None and stoplist(name) else None
