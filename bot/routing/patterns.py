"""Chinese and English cue phrases per intent, weighted: the fast, explainable half of the router."""

from __future__ import annotations

import re

from bot.routing import intents as I

_P = re.compile

# (pattern, weight): a strong cue weighs 2, a hint 1; negative weights push away from an intent.
PATTERNS: dict[str, list[tuple[re.Pattern[str], float]]] = {
    I.ENROLL: [
        (_P(r"\badd\b.{0,40}\bto my (learning )?(plan|list|courses|schedule)\b|加(到|进)我的(学习)?(计划|课程)"), 3.0),
        (_P(r"(帮我|给我)(选上|报上|加上|选一下|报一下)|(帮我|给我)安排上(?![下午周个])|把.{1,12}报上|(想|要)(参加|上|学|报)\s*(这门|那门)?\s*[a-z]{2,5}-?\d{3}|还没(选上|报上)|\bi want in\b|\bcount me in\b|"
            r"\bget me (in|into|onto|on)\b.{0,30}\b(course|class|training|program|module|[a-z]{2,5}-\d{3})"), 2.5),
        (_P(r"把我(加|添加|放)(到|进|入)|帮我(加|添加)(到|进)|报上名"), 2.5),
        (_P(r"报名|报个名|选课|注册.{0,6}课|(帮我|帮忙|给我|我要|我想|想)报(?!销)|我要(参加|上|学)|加入.{0,8}(课|培训)|想(参加|上).{0,10}(课|培训)"), 2.5),
        (_P(r"\benrol+|\bsign (me )?up\b|\bregister\b|\badd me to\b|\bjoin\b|\bput me (in|on)\b|\bsignup\b"), 2.5),
        (_P(r"\bi want to (take|attend|do)\b|\bi'?d like to (take|attend|join)\b|\bbook (me|a seat)\b"), 1.5),
        (_P(r"报名(的)?(条件|流程|规则|截止)|how do i (enrol|register)|enrollment (rules|policy)"), -2.0),
    ],
    I.MY_PROGRESS: [
        (_P(r"\badd\b.{0,40}\bto my (learning )?(plan|list|courses)\b"), -2.0),
        (_P(r"我的课(都|全)?(学完|完成|修完)|我(还)?(有|剩)(啥|什么)没(学|完成)|我(的)?学习(情况|状态)|我(现在|目前|一共)?完成了?(多少|几)|还差(哪些|几门|什么|啥)|我(的)?(培训|课程|课)还(差|剩|有)|(did|have) i (finish|finished|complete|completed)|progress.{0,12}\bfor me\b|where am i with"), 2.5),
        (_P(r"我的(学习)?进度|学习进度|学到哪|学得怎么样|我(还)?(有|剩)(哪些|几门|多少).{0,6}(没|未)(完成|学|修)|我完成了(哪些|多少|几)"), 2.5),
        (_P(r"我(?!们).{0,12}(学完|完成|做完|修完)了?(没|吗|没有)|我(完成|学|看)到(哪|什么|第几)|(自己|我)(落下|落后|拉下|欠)了?(哪些|什么|几门|多少)|\b(what|everything|all|anything) (i|i'?ve|i have) (completed|finished|done)\b|\bmy learning (plan|record|path|history)\b|\bwhat'?s left (on|in|for) my\b|\bi still (have|need) to (do|finish|complete)\b|[a-z]\d{3,6}('s)?\b.{0,30}\b(progress|completion|courses?|status)\b|我(?!们).{0,8}的学习(情况|状态|进度)|\bmy (completion|training|learning) status\b"), 2.5),
        (_P(r"我的.{1,12}(过了|通过了|及格了|完成了|学完了)(吗|没)|我(算|是不是|是否|有没有)(已经)?(算)?(学完|完成|修完|通过(?!试用)|考过)|我.{0,6}(学完|完成|修完)了?(几|多少)门"), 3.0),
        (_P(r"\bmy\b.{0,30}\b(course|training|module)s?\b.{0,10}\bgoing\b|\bam i (halfway|done|finished)\b|\b(left|remaining) for me\b|"
            r"\bleft (for me )?to (finish|do|complete)\b|\bmy (required|mandatory|assigned|outstanding|open) (courses|training|trainings|modules)\b"), 2.5),
        (_P(r"我(的)?(课程|培训)(情况|状态|完成)|我(有|是否有).{0,4}(逾期|超期|过期)|我(的)?必修课"), 2.0),
        (_P(r"\bmy (learning )?progress\b|\bhow am i doing\b|\bhow far (along )?am i\b|\bwhat (have i|did i) (completed|finished)\b"), 2.5),
        (_P(r"\bmy (courses|training|trainings|enrollments|enrolments)\b|\bam i (behind|overdue)\b|\bwhat do i (still )?(have|need) to (finish|complete)\b"), 2.0),
        (_P(r"\boverdue\b|逾期|进度"), 0.7),
    ],
    I.TEAM_PROGRESS: [
        (_P(r"(下属|手下|组员|部下|直属)们?.{0,12}(学得|学习|进度|完成|学完|做完|情况|咋样|怎么样|如何)"), 2.5),
        (_P(r"\b(everyone|anyone|people|folks) (reporting|who reports?) to me\b|\breport(s|ing)? to me\b|\bi manage\b.{0,40}\b(which|who)\b"), 2.5),
        (_P(r"(我的|我们)?(团队|下属|组员|手下|部下|直属|小组|组里|我们组|咱们组|组内|我带的|带的人|我组里|team)(的|的人)?.{0,10}(进度|完成|情况|学习|学到|学得|学完|做完|状态|谁|哪些人|落后|逾期|超期|几个人)"), 2.5),
        (_P(r"\bwhere (each of them|they|everyone|each person) stands?\b|\btook over (a|the|this) team\b"), 2.0),
        (_P(r"\bmy (squad|crew|guys|folks|people|direct reports|reports|team members|teammates)\b|\bpeople on my team\b"), 1.5),
        (_P(r"\b(stragglers?|laggards?|slackers?)\b|拖后腿|掉队"), 1.5),
        (_P(r"\bmy (team|reports|direct reports|people|staff|group|folks)('s)?\b.{0,30}\b(progress|completion|doing|status|behind|overdue|finished|complete|tracking|getting on)"), 2.5),
        (_P(r"\b(who|which of my)\b.{0,25}\b(team|reports)\b|\bteam('s)? (progress|completion|status)\b|\bhow is my team\b"), 2.0),
        (_P(r"谁(还)?没(完成|学完|做完)|哪些(人|同事|下属)"), 1.5),
    ],
    I.EXPLAIN_KPI: [
        (_P(r"\bmy (training )?(score|points)\b|我的(培训)?(分数|得分)"), 2.5),
        (_P(r"(?<![a-z])kpi(?![a-z])|绩效分|培训积分|积分|评优|评不上优秀|不能评优|晋升资格|能不能晋升|能否晋升|考核分"), 2.0),
        (_P(r"\bhow (did|do) i (end up with|get|have) \d+\s*(points|pts)\b|\b(breakdown|break down)\b.{0,20}\b(points|score|kpi)\b|\b(points|score|kpi)\b.{0,20}\bbreakdown\b|\bfor (a )?promo\b(?!\s*code)|\bpromo (threshold|eligib\w*|requirements?|bar)\b"), 2.0),
        (_P(r"\bhow many (training )?(points|pts)\b.{0,20}\b(have i|did i|do i|i'?ve)\b|\bhave i (got|earned|scored)\b.{0,15}\b(points|score)|(学习|培训)(分数|积分|得分)|(学习|培训)分(是|有|为|怎么|多少|掉|低|高|咋)"), 2.0),
        (_P(r"\bmy (learning |training |performance )?(kpi|points|score|standing|rating)\b|\bwhy (is|was) my\b|\b(eligible|eligibility) for promotion\b|\bpromotion\b|\b(get|be) promoted\b|\bpromotable\b"), 2.0),
        (_P(r"我.{0,6}(符合|达到|够|满足).{0,8}晋升|我.{0,4}能(不能)?晋升|我的\s*(kpi|绩效|积分|得分|分数)|为什么我(的)?\s*(kpi|绩效|积分|分|不能|没有|是)"), 2.0),
    ],
    I.RECOMMEND_COURSES: [
        (_P(r"(该|要|需要)补(哪些|什么|啥|哪门)课|学(点|些)?(啥|什么)|提升(一下)?自己|充充电|career growth|grow my (skills|career)|improve my skills|what (else )?could i learn"), 2.5),
        (_P(r"推荐|该学(什么|啥|哪)|学(点|些)?什么好|下一步学|建议我学|适合我的课|接下来学|还能学(什么|啥)"), 2.5),
        (_P(r"\brecommend|\bsuggest|\bwhat should i (learn|take|study|do next)\b|\bwhat('s| is) next for me\b|\bwhich course(s)? should i\b|\bnext course\b|\bupskill|\bworth (taking|doing|learning)\b|\bnext step for me\b|\b(point|steer|direct) me (to|towards)\b|\bmake sense for me\b|what else (should|can|could) i (take|learn|do)"), 2.5),
    ],
    I.GENERATE_QUIZ: [
        (_P(r"要做题|做.{0,6}题|测测|测一测|测一下|模拟题|模拟考|\bpractice for\b|\bprepare for the\b.{0,30}\bexam\b|\bmock (exam|test)\b"), 2.5),
        (_P(r"测试题|测验题|习题|来(几|一)?(道|个)题|搞(个|点|几道)(测试)?题|出(几|些|点|[0-9一二三四五六七八九十两]+)?(道|个)?([^，。？！,.?!]{0,12}的)?题|考考我|测验|测试我|小测|练习题|刷.{0,12}题|做(几道|些|点).{0,12}题|quiz|考我"), 2.5),
        (_P(r"\bpractice (qs|questions?|test|quiz|round|session|run)\b|\bquick (quiz|test)\b|\b(a few|some|a couple of) questions\b.{0,30}\b(check|test|see)\b|\bcheck (that |if )?i understood\b|\b(generate|make|create|write)\b.{0,25}\bquestions\b|\bmultiple[- ]choice\b|\bthrow (some |a few )?(questions|qs)\b|\bquestions at me\b|\b(check|see) if i'?m ready for (the |my |an? )?(exam|test|quiz|final)\b"), 2.5),
        (_P(r"\bquiz|\btest me\b|\btest my knowledge\b|\bpractice questions?\b|\bask me (some |a few )?questions\b|\bexam me\b|\bdrill me\b"), 2.5),
        (_P(r"\b\d+ questions\b|[0-9一二三四五六七八九十两]+\s*道"), 1.0),
    ],
    I.GRADE_ANSWER: [
        (_P(r"\b(option|probably|maybe) [abcd]\b[?？.!]*$|选项\s*[abcd]\b|\b(i'?ll )?go with [abcd]\b|^[abcd]\s*(吧|啊|呀|呢|嘛)[.。!！]?$|应该(是|选)\s*[abcd]\b|^(选|就选|我就选)\s*[abcd]"), 2.5),
        (_P(r"^(true|false|对|错|正确|错误)\s*[,，。.!！:：](?!.*[?？])"), 2.5),
        (_P(r"我的答案|我选|答案是|我觉得(是|选)|我猜|批改|判断一下我的|选\s*[ABCDabcd]\b|^[ABCDabcd]$|^(对|错|正确|错误)$"), 2.5),
        (_P(r"\bmy answer\b|\bi (choose|pick|select|go with|think it'?s)\b|\bgrade (this|my)\b|\bis (it|the answer) [abcd]\b|^[abcd][.)!！]?$|\bit'?s [abcd]\b|^answer[:\s]|^(true|false)$"), 2.5),
        (_P(r"第\s*[0-9一二三四五]\s*题"), 1.0),
    ],
    I.COMPLETION_REPORT: [
        (_P(r"(部|部门|公司|全员|各部门|department|dept|company).{0,12}(完成情况|完成得|完成率|培训情况)"), 2.0),
        (_P(r"(完成|培训|学习).{0,6}(占比|比例|百分比)|(占比|比例|百分比).{0,6}(完成|培训|学习)|完成得?最(好|差|高|低|多|少)|哪几门课.{0,6}完成|完成率|完成比例|完成情况报表|培训报表|培训报告|统计报表|完成度排名|完成.{0,4}最低|完成.{0,4}最高|参训率"), 2.0),
        (_P(r"\bcompletion (rate|report|rates|stats|figures)\b|\breport\b|\blowest completion\b|\bhighest completion\b|\bcompletion by\b|\bwhat (%|percent|percentage|share) of\b|\btraining completion\b|\bcompletion (numbers|stats|figures|data)\b|\bhow many (people|staff|employees|folks)\b.{0,40}\b(completed|finished|done|passed|trained)\b|多少人(完成|学完|通过|参加)|\bwhich (department|dept|division)s?\b.{0,25}\b(lagging|behind)\b|"
            r"\bwhich (department|dept|team|division)s?\b.{0,40}\b(completion|training|courses?)\b|"
            r"哪(个|些)部门.{0,12}(完成|培训|学习|课).{0,8}(最|落后)|哪(个|些)部门.{0,8}(最|落后).{0,8}(完成|培训|学习|课)"), 2.0),
        (_P(r"(公司|全公司|各部门|部门|company|department|dept|org|organi[sz]ation)"), 0.8),
        (_P(r"(完成率|completion rate).{0,8}(是什么意思|怎么算|定义|mean|defined|calculated)"), -1.0),
    ],
    I.NUDGE_TEAM: [
        (_P(r"提醒|催|督促|敲打|通知(一下)?(团队|他们|下属|组员)"), 2.5),
        (_P(r"帮我通知|通知一下|说一声|打声招呼|(push|ping)\s*一?下|通知.{0,6}(组员|下属|团队|他们|同事|大家|组里)|(戳|cue)\s*(一下|一戳|下)|挨个(戳|催|提醒|通知)"), 2.5),
        (_P(r"\bgive .{0,30}\b(a kick|a push|a nudge|a poke)\b|\b(shoot|send|drop) (a |them a |out a )?(msg|message|note|dm)\b.{0,20}\b(team|reports|people|folks|them|who)\b|"
            r"发(个)?消息给.{0,6}(组员|下属|团队|组里)|给(我的?)?(组员|下属|团队|他们|组里).{0,8}发(个)?消息"), 2.5),
        (_P(r"\bnudge|\bremind\b|\bchase\b|\bgive (them|my team) a (push|heads[- ]up)\b|\bpoke\b|\bfollow up with\b|"
            r"\b(send|give|shoot) (out )?(a |an |them a |them an )?(\w+ )?reminders?\b|\bmessage (the |my )?(direct )?(stragglers|team|people|folks|reports|laggards)\b|\bping\b.{0,30}\b(team|them|everyone|people|reports|folks|guys)\b"), 2.5),
    ],
    I.HELP: [
        (_P(r"^(早上好|上午好|中午好|下午好|晚上好|你是谁|good (morning|afternoon|evening)|what are your features|what (features|functions) do you have|who are you)[!！。.?？\s]*$"), 3.0),
        (_P(r"^(你好|您好|嗨|哈喽|在吗|hi|hello|hey|yo|help|帮助|菜单|menu|start|开始)[!！。.?？\s]*$"), 3.0),
        (_P(r"你(能|会|可以)(做|干)(什么|啥)|有什么功能|怎么用你|使用说明|怎么(跟|和|向)你(提问|说话|交流)|怎么问你|\bwhat (kinds? of |sort of )?(things|questions|stuff) can i ask\b|\bwhat (you'?re|you are) able to (help|do)\b|\bwhat can you help (me )?with\b|\bwhat can you do\b|\bhow do i use (you|this)\b|\bhow (should|do) i (ask|talk to) you\b|\bwhat are you\b|^谢谢|^thanks?\b|^thank you|^(cheers|hiya|thx|ty|bye|再见|拜拜)[!！。.\s]*$"), 3.0),
    ],
    I.SEARCH_KNOWLEDGE: [
        (_P(r"(这门课|那门课|课程|课|course|module|training)\s*(大概|主要|都)?(讲什么|讲啥|讲些啥|讲些什么|讲了什么|讲的是|内容是|教什么|教些啥|covers?\b|is about\b)|\bwhat('s| is| does)\b.{0,40}\b(course|module)\b.{0,15}\b(about|cover)"), 2.5),
        (_P(r"按什么标准|怎么界定|如何界定|算不算|\bwhat counts as\b|\bhow is\b.{0,30}\bdefined\b|\bis (a|an|the) \w+ allowed to\b"), 2.0),
        (_P(r"制度上|按规定|规定上|相关规定|有规定吗|(什么|啥)后果|的话.{0,20}(吗|会不会)|\bwhat happens if\b|\bis there a (rule|policy)\b|"
            r"\bconsequences?\b|\bwhat'?s the (policy|rule)\b"), 1.5),
        (_P(r"政策|制度|规定|规则|流程|怎么(申请|报销|请假|办理)|多少天|几天|多久|是什么|什么是|吗[?？]?$|呢[?？]?$|怎么算|如何"), 1.0),
        (_P(r"\bpolicy\b|\brules?\b|\bhow (many|much|long|do|does|can|is|are)\b|\bwhat (is|are|does|happens)\b|\bcan i\b|\bam i allowed\b|\bexplain\b|\bwhen\b|\bwhere\b"), 1.0),
        (_P(r"年假|病假|请假|报销|差旅|补考|考试规则|及格|合格分|迟到|加班|出差|入职|试用期|保密|密码|钓鱼|leave|expense|reimburs|retake|passing score|probation|password|phishing"), 1.5),
    ],
}


def pattern_scores(text: str) -> dict[str, float]:
    """Sum of cue weights per intent for a normalised (lower-case) message."""
    scores: dict[str, float] = {}
    for intent, cues in PATTERNS.items():
        total = sum(weight for pattern, weight in cues if pattern.search(text))
        if total:
            scores[intent] = total
    return scores
