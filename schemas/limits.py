"""How big an article may be: the limits the contract states and the API enforces
before extraction, each cheap to check. What passes them is still bounded in time:
a post waits for its extraction at most LEDE_EXTRACTION_SECONDS, then becomes a
job, and a job worker extracts it within LEDE_JOB_EXTRACTION_SECONDS. Real prose
extracts at about 10,000 characters a second on one core, so the longest texts
allowed here take the workers about a minute."""

# spaCy reads at most 1,000,000 characters (`nlp.max_length`); half of it leaves
# room for the JSON around the text within the request body limit.
MAX_TEXT_CHARACTERS = 500_000
# Non-blank lines; a long feature has a few hundred.
MAX_PARAGRAPHS = 1_000
# Digits of one number, thousands separators and decimals included: a count of
# 10^30 is beyond any news figure, and every value below it is a finite float.
MAX_NUMBER_DIGITS = 30
# Levels of arrays and objects in a request body: an article needs two, and a
# parser recursing 100,000 levels deep would exhaust the stack.
MAX_JSON_DEPTH = 8
# The largest figure stored: 30 digits times a trillion, the largest scale word.
# Past it a float stops being a count (a 400-digit numeral is Infinity, which JSON
# cannot carry), and sums of figures this size stay finite.
LARGEST_FIGURE = 1e42
# Characters of a search (`q`): a long question is a few dozen words, and each
# word or phrase is one more lookup in the full-text index.
MAX_QUERY_CHARACTERS = 200
