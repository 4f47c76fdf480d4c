"""Dictionary query translation: longest phrases first, residual text kept, malformed lexicon lines named."""

import pytest

from retrieval.crosslingual import Lexicon


@pytest.fixture
def lexicon(tmp_path):
    path = tmp_path / "lex.tsv"
    path.write_text("# comment\nannual leave|vacation\t年假|年休假\nleave\t假期\nreceipt\t发票|收据\nlose|lost\t丢失|弄丢\n",
                    encoding="utf-8")
    return Lexicon.load(path)


def test_english_to_chinese_prefers_the_longest_phrase(lexicon):
    groups, residual = lexicon.translate_groups("How many annual leaves do I get?")
    assert groups == [["年假", "年休假"]]
    assert "annual" not in residual and "many" in residual


def test_chinese_to_english_with_residual(lexicon):
    groups, residual = lexicon.translate_groups("发票弄丢了怎么办")
    assert groups == [["receipt"], ["lose", "lost"]]
    assert residual.strip() == "了怎么办"
    assert lexicon.translate("发票弄丢了") == "receipt lose lost"


def test_bundled_lexicon_loads_and_unknown_text_translates_to_nothing():
    bundled = Lexicon.load()
    assert len(bundled.en_to_zh) > 300
    assert bundled.translate("zzzz qqqq") == ""


def test_malformed_line_names_the_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("annual leave 年假\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.tsv:1"):
        Lexicon.load(path)


def test_synonyms_stay_in_the_question_language_and_skip_words_already_used(lexicon):
    groups, residual = lexicon.synonym_groups("年假有几天")
    assert groups == [["年假", "年休假"]] and "几天" in residual
    assert lexicon.synonyms("年假有几天") == "年休假"
    assert lexicon.synonyms("How much vacation do I have?") == "annual leave"
    assert lexicon.synonyms("没有词典里的词") == ""


@pytest.mark.parametrize(("question", "expected"), [
    ("Can I accept a shopping gift card from a supplier?", {"购物卡", "供应商"}),
    ("How quickly should a customer service agent answer a ringing phone?", {"客服人员", "铃响", "电话"}),
    ("Who picks the buddy for a new employee?", {"导师", "新员工"}),
    ("手机上弹出一个登录验证请求怎么办", {"phone", "login request"}),
    ("出差的发票弄丢了", {"business trip", "invoice", "lost"}),
    # course titles of the sample KB, asked in the other language (§22): 顾问式销售 was left untranslated
    ("顾问式销售里客户说话应占多少时间", {"consultative selling"}),
    ("What do I need before consultative selling?", {"顾问式销售"}),
])
def test_bundled_lexicon_covers_general_workplace_vocabulary(question, expected):
    """Words the corpora use and employees ask with (grown for issue 14) translate both ways."""
    translated = Lexicon.load().translate(question)
    assert all(term in translated for term in expected), translated


def test_inflections_meet_their_lexicon_entry(tmp_path):
    """'escalated' finds 'escalate', 'married' finds 'marry', 'arrives' finds 'arrive' (the BM25 stem keeps them
    apart; the lexicon key does not)."""
    path = tmp_path / "lex.tsv"
    path.write_text("escalate\t升级\nmarry\t结婚\narrive\t报到\npolicy\t制度\n", encoding="utf-8")
    lexicon = Lexicon.load(path)
    assert lexicon.translate("It was escalated") == "升级"
    assert lexicon.translate("I got married") == "结婚"
    assert lexicon.translate("when she arrives") == "报到"
    assert lexicon.translate("the policies") == "制度"


@pytest.mark.parametrize(("question", "expected"), [
    ("How many days off do I get when I get married?", {"结婚"}),
    ("If a customer threatens to go to the media, how quickly must it be escalated?", {"媒体", "升级"}),
    ("开私家车办事，每公里补贴多少？", {"private car", "kilometre"}),
    ("公司电脑能插U盘拷文件吗？", {"usb"}),
    ("一个财年最多能拿到多少小时的奖励假？", {"fiscal year", "award leave"}),
    ("How long a daily nursing break does a breastfeeding mother get?", {"哺乳"}),
])
def test_bundled_lexicon_covers_terms_grown_for_cross_language_answers(question, expected):
    """Terms of one corpus side that had no translation, in the words employees ask with (H14d)."""
    translated = Lexicon.load().translate(question)
    assert all(term in translated for term in expected), translated


def test_terms_sorted_once_still_follow_a_table_that_grows(lexicon):
    assert lexicon.translate("发票弄丢了") == "receipt lose lost"
    lexicon.zh_to_en["发票弄丢"] = ["lost receipt"]  # longer than both terms it covers
    assert lexicon.translate("发票弄丢了") == "lost receipt"


def test_british_spelling_meets_the_american_entry(tmp_path):
    path = tmp_path / "lex.tsv"
    path.write_text("labor law\t劳动法\nbehavior\t行为\nhour\t小时\n", encoding="utf-8")
    lexicon = Lexicon.load(path)
    assert lexicon.translate("Chinese labour law") == "劳动法"
    assert lexicon.translate("behaviour after training") == "行为"
    assert lexicon.translate("four hours") == "小时"  # 'hour' and 'four' are not British spellings


def test_a_repeated_look_up_scans_once_and_callers_get_their_own_lists(lexicon, monkeypatch):
    """One turn looks the same question up 3-4 times; the lexicon scan runs once, and the answer cannot be spoilt."""
    scans = []
    real = lexicon._from_chinese
    monkeypatch.setattr(lexicon, "_from_chinese", lambda query, table: (scans.append(query), real(query, table))[1])
    first, _ = lexicon.translate_groups("发票弄丢了怎么办")
    first[0].append("changed by a caller")
    first.append(["also changed"])
    assert lexicon.translate_groups("发票弄丢了怎么办") == ([["receipt"], ["lose", "lost"]], "    了怎么办")
    assert lexicon.synonym_groups("发票弄丢了怎么办")[0] == [["发票", "收据"], ["丢失", "弄丢"]]
    assert scans == ["发票弄丢了怎么办", "发票弄丢了怎么办"]  # one scan per table
    lexicon.zh_to_en["怎么办"] = ["what to do"]  # a table that changes is scanned again
    assert lexicon.translate_groups("发票弄丢了怎么办")[0][-1] == ["what to do"]


def test_own_terms_are_the_known_phrases_in_the_question_language(lexicon):
    """The counterpart of translate(): what the answer's language duel compares with an other-language sentence."""
    assert lexicon.own_terms("发票弄丢了怎么办") == "发票 收据 丢失 弄丢"
    assert lexicon.own_terms("How much vacation do I have?") == "annual leave vacation"
    assert lexicon.own_terms("没有词典里的词") == ""


@pytest.mark.parametrize(("question", "expected"), [
    ("绩效申诉交上去以后，多久会给书面答复？", {"appeal", "in writing"}),
    ("国内出差坐高铁可以订几等座？", {"domestic", "high-speed train", "seat class"}),
    ("高铁二等座", {"second class"}),
    ("身份证号属于哪一级数据？", {"id number"}),
    ("工作目标在绩效总分里占多大比重？", {"weight"}),
    ("需求沟通时客户说话应该占多大比例？", {"talk"}),
    ("报销批完以后钱多久能打到银行卡上？", {"bank account"}),
])
def test_bundled_lexicon_covers_general_words_of_cross_language_questions(question, expected):
    """General words with no entry that left a cross-language question's translation with only its topic (H14e)."""
    translated = Lexicon.load().translate(question)
    assert all(term in translated for term in expected), translated


@pytest.mark.parametrize(("question", "expected"), [
    ("I want to go to an external conference - how many working days in advance must I apply?", {"外部", "行业会议"}),
    ("how far ahead must I apply for an external certification exam?", {"提前", "外部", "认证"}),
    ("参加外部培训要提前几天申请？", {"external training"}),
])
def test_bundled_lexicon_covers_external_events_and_lead_times(question, expected):
    """'external conference' translated to nothing but 'apply', so the leave-application rule won (H14e)."""
    translated = Lexicon.load().translate(question)
    assert all(term in translated for term in expected), translated


def test_make_up_is_not_fabricate():
    """'How many hours make up a normal working day?' is not about made-up statements (编造): with that entry the
    question's translation pulled in 编造 and the remote-work core hours were quoted instead of the 8-hour day."""
    assert "编造" not in Lexicon.load().translate("How many hours make up a normal working day here?")


@pytest.mark.parametrize(("question", "expected"), [
    ("What is the monthly cap on overtime hours under the PRC Labour Law?", {"延长工作时间", "中国", "劳动法"}),
    ("Do women get time off on International Women's Day in China?", {"妇女节", "中国"}),
    ("what pay rate must a company give for untaken annual leave days", {"未休年休假"}),
    ("In Henan, how many hours of off-the-job continuing education do technical staff need?",
     {"河南", "脱产", "继续教育", "专业技术人员"}),
    ("If I leave before my training service period ends, what is the cap on the penalty?", {"违约金", "服务期"}),
    ("How many days of unauthorised absence allow a public institution to end a contract?", {"事业单位"}),
    ("被叫去当陪审员，在TTS应该请哪种假？", {"jury duty", "court leave"}),
    ("难产的话产假能多几天？", {"difficult delivery", "maternity leave"}),
])
def test_bundled_lexicon_covers_words_of_questions_across_the_law_and_handbook_corpora(question, expected):
    """English questions about Chinese labour law ('PRC', 'untaken leave', 'Women's Day', a province) and Chinese
    questions about the federal handbook (陪审员) translated to their topic only, so a same-topic page in the question's
    own language won retrieval (H14g: 21 of 49 pooled shared-dev cross-language misses retrieved no passage holding
    the answer)."""
    translated = Lexicon.load().translate(question)
    assert all(term in translated for term in expected), translated


@pytest.mark.parametrize(("question", "expected"), [
    ("休完带薪育儿假之后，至少要回去工作多久？", {"return to work"}),
    ("弹性工作制下多干的小时能攒起来，最多攒多少", {"accrue"}),
    ("实行弹性工作时间的员工，最多可以累积多少小时的自愿加班工时？", {"voluntarily"}),
])
def test_bundled_lexicon_covers_returning_to_work_and_accruing_hours(question, expected):
    """Chinese questions about the federal handbook's parental-leave and credit-hour lines translated to their topic
    only, and a Chinese sentence on another topic won (H14g)."""
    translated = Lexicon.load().translate(question)
    assert all(term in translated for term in expected), translated


def test_unused_alone_is_not_untaken_leave():
    """'Can I carry unused WFH days over?' translated 'unused' to 未使用 and agreed with the annual-leave carry-over
    rule (sample dev s5-en-043, out of scope, answered); untaken or unused LEAVE stays 未休年休假."""
    lexicon = Lexicon.load()
    assert "未使用" not in lexicon.translate("Can I carry unused WFH days over to the next week?")
    assert "未休年休假" in lexicon.translate("Is unused annual leave paid out?")


def test_china_is_not_the_title_word_of_three_national_laws():
    """'China' as 中华人民共和国 matched the titles of the Labour Law and the Labour Contract Law (中华人民共和国劳动法)
    in every chunk, so 'How many days of maternity leave does Chinese regulation grant?' quoted the Labour Law's 90
    days instead of the female-employee rules' 98 (pooled shared dev, fitted on md5 half 0: hit .829 -> .838)."""
    translated = Lexicon.load().translate("How many days of maternity leave does Chinese regulation grant?")
    assert "中国" in translated and "中华人民共和国" not in translated


@pytest.mark.parametrize(("question", "expected"), [
    ("单位说忙不让休年假，没休的那几天应该怎么给钱？", {"未休"}),
    ("过年法定放几天假？", {"春节"}),
    ("三八节那天女同事是不是可以休息？", {"妇女节"}),
    ("上班时间去做产检，要不要扣工资？", {"产前检查"}),
    ("入职半年了公司一直没签劳动合同，能要求什么赔偿", {"订立劳动合同"}),
])
def test_everyday_chinese_words_meet_the_statutes_formal_ones(question, expected):
    """Chinese questions about a statute say 没休 / 过年 / 产检 / 签合同 where it writes 未休 / 春节 / 产前检查 / 订立劳动合同,
    so a neighbouring article won the quote (H14g, pooled shared dev)."""
    synonyms = Lexicon.load().synonyms(question)
    assert all(term in synonyms for term in expected), synonyms
