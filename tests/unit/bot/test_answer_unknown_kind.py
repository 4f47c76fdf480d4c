"""A question naming a kind of leave, allowance, fee or bonus the material never names abstains (issue 14, §13)."""

from types import SimpleNamespace

from bot.answering.relevance import RelevancePolicy, names_unknown_kind
from bot.answering.unnamed import named_kinds, unknown_kinds
from retrieval.crosslingual import Lexicon
from retrieval.tokenize import Tokenizer

_TEXTS = [
    ("policies/leave.md", "女员工生育享受98天产假。配偶生育的，男员工享受陪产假15天。子女未满3周岁的，父母每人每年可享受育儿假5天。"),
    ("faq/benefits.html", "午餐补贴 | 每个工作日25元。交通补贴 | 每月300元。"),
    ("policies/remote.md", "Employees receive a one-time home-office stipend of RMB 800 and a monthly internet allowance "
                           "of RMB 100. Use of a private car is reimbursed at RMB 1.2 per kilometre."),
    ("handbook/review.pdf", "Employees rated 4 or 5 in two consecutive year-end reviews may be nominated. Ratings "
                            "feed into the annual salary review and, separately, into the referral bonus pool."),
]


class _Catalog:
    def documents(self):
        return [SimpleNamespace(source=s, title=s, content_hash=str(hash(t))) for s, t in _TEXTS]

    def chunks_of(self, sources):
        return [SimpleNamespace(heading="", text=t) for s, t in _TEXTS if s in sources]


def _index():
    return SimpleNamespace(catalog=_Catalog(), tokenizer=Tokenizer(), lexicon=Lexicon.load())


def test_kinds_are_read_from_the_question_as_written():
    tokenizer = Tokenizer()
    question = "我在哺乳期，每天能有多长时间的哺乳假？"
    assert ("哺乳假", "哺乳") in named_kinds(tokenizer.tokens(question), question)
    question = "想请一个星期的假，要提前多久？"  # 星期 and 假 are not one word: no kind named
    assert named_kinds(tokenizer.tokens(question), question) == []
    question = "开私家车办事，每公里补贴多少？"  # a rate, not a kind
    assert named_kinds(tokenizer.tokens(question), question) == []
    assert named_kinds([], "Is there a night-shift allowance?") == [("night-shift allowance", "night-shift")]
    assert named_kinds([], "is there a one-off allowance for my home office?") == []


def test_kinds_the_material_never_names_in_either_language():
    index = _index()
    assert unknown_kinds(index, "哺乳假一天有几个小时？") == ["哺乳假"]
    assert unknown_kinds(index, "年终奖一般几月份发？") == ["年终奖"]  # "year-end" and "bonus" only far apart
    assert unknown_kinds(index, "Can I get my parking fees reimbursed?") == ["parking fees"]
    assert unknown_kinds(index, "How many days of volunteering leave do we get?") == ["volunteering leave"]
    assert unknown_kinds(index, "Does the company pay for a gym membership?") == ["gym membership"]


def test_kinds_named_as_written_or_through_the_lexicon_are_known():
    index = _index()
    assert unknown_kinds(index, "陪产假有几天？") == []
    assert unknown_kinds(index, "交通补贴每月多少？") == []
    assert unknown_kinds(index, "How many days of paternity leave do I get?") == []  # 陪产假
    assert unknown_kinds(index, "居家办公每个月有网费补贴吗？") == []  # "internet allowance"
    assert unknown_kinds(index, "How much is the monthly commuting allowance?") == []  # 交通补贴
    assert unknown_kinds(index, "年假有几天？") == []  # no named kind at all


def test_the_policy_abstains_on_an_unknown_kind_unless_switched_off():
    assert names_unknown_kind({"unknown_kind": 1.0}, RelevancePolicy())
    assert not names_unknown_kind({"unknown_kind": 0.0}, RelevancePolicy())
    assert not names_unknown_kind({"unknown_kind": 1.0}, RelevancePolicy(require_known_kind=False))


def test_a_quote_naming_only_a_shorter_kind_inside_the_asked_one_is_about_another_kind():
    """'国家规定男职工陪产假有几天' quoted the statute's 98-day 产假 (maternity) article: 产假 is written inside 陪产假,
    so every word matched, yet it answers another benefit (pooled shared dev: 3 out-of-scope questions answered so)."""
    tokenizer, lexicon = Tokenizer(), Lexicon.load()
    from bot.answering.unnamed import narrower_kind_quoted
    question = "国家规定男职工陪产假有几天？"
    assert narrower_kind_quoted(tokenizer.tokens(question), question, "女职工生育享受98天产假。", lexicon) == "陪产假"
    assert narrower_kind_quoted(tokenizer.tokens(question), question, "男员工享受陪产假15天。", lexicon) is None
    question = "年假有几天？"  # a synonym of the asked kind (年休假) names it
    assert narrower_kind_quoted(tokenizer.tokens(question), question, "职工年休假5天。", lexicon) is None
    question = "主管买的职业责任保险最多能报销多少钱？"  # the bare head (保险) is no narrower kind
    assert narrower_kind_quoted(tokenizer.tokens(question), question, "医疗保险由公司缴纳。", lexicon) is None


def test_the_policy_abstains_on_a_narrower_kind_unless_switched_off():
    from bot.answering.relevance import quotes_narrower_kind
    assert quotes_narrower_kind({"narrower_kind": 1.0}, RelevancePolicy())
    assert not quotes_narrower_kind({"narrower_kind": 0.0}, RelevancePolicy())
    assert not quotes_narrower_kind({"narrower_kind": 1.0}, RelevancePolicy(require_asked_kind=False))


class _WeddingCatalog:
    _text = "员工依法登记结婚的，享受婚假15天（含公休日），须在领取结婚证后1年内一次性休完。"

    def documents(self):
        return [SimpleNamespace(source="policies/leave.md", title="leave.md", content_hash="w1")]

    def chunks_of(self, sources):
        return [SimpleNamespace(heading="婚假", text=self._text)]


def test_wedding_leave_is_the_marriage_leave_the_material_names():
    """Round 7 s7-en-001 'How many days of wedding leave…' abstained as an unknown kind although the leave policy
    grants 15 days of 婚假: 'wedding leave' is another English name of 婚假 (lexicon), not a benefit the material lacks."""
    index = SimpleNamespace(catalog=_WeddingCatalog(), tokenizer=Tokenizer(), lexicon=Lexicon.load())
    assert unknown_kinds(index, "How many days of wedding leave do I get when I get married?") == []
    assert unknown_kinds(index, "How many days of sabbatical leave do I get?") == ["sabbatical leave"]
