"""Fixed identifiers of the sample organisation shared with the knowledge base and the bot (see CONTRIBUTING.md)."""

from __future__ import annotations

DEPARTMENTS = [
    ("corp", "公司总部", None), ("rnd", "研发部", "corp"), ("sales", "销售部", "corp"), ("mkt", "市场部", "corp"),
    ("cs", "客户服务部", "corp"), ("ops", "运营部", "corp"), ("fin", "财务部", "corp"), ("hrd", "人力资源部", "corp"),
    ("it", "信息技术部", "corp"),
]

# code, title, title_en, category, format, hours, passing_score, difficulty, skill_tags, prerequisites, required_for,
# due_days
COURSES = [
    ("ONB-101", "新员工入职培训", "New Hire Onboarding", "onboarding", "document", 2, 60, 1, "company", "", "all", 30),
    ("SEC-101", "信息安全基础", "Information Security Basics", "security", "video", 1.5, 80, 1, "security", "", "all", 30),
    ("SEC-201", "安全开发进阶", "Secure Development", "security", "workshop", 6, 75, 2, "security;secure-coding",
     "SEC-101", "rnd;it", 90),
    ("CMP-101", "合规与商业道德", "Compliance and Business Ethics", "compliance", "video", 1, 70, 1, "compliance", "",
     "all", 60),
    ("SAL-101", "销售基础", "Sales Fundamentals", "sales", "document", 4, 60, 1, "sales;communication", "", "sales", 60),
    ("SAL-201", "顾问式销售技巧", "Consultative Selling Skills", "sales", "live", 6, 70, 2,
     "sales;consultative-selling", "SAL-101", "sales", 60),
    ("AI-101", "提示词工程入门", "Prompt Engineering Fundamentals", "ai", "video", 2, 60, 1, "prompting", "", "", None),
    ("LDR-301", "新任经理领导力", "Leadership for New Managers", "leadership", "workshop", 8, 60, 3,
     "leadership;communication", "", "manager;经理", 90),
    ("DATA-101", "数据分析基础", "Data Analysis Basics", "data", "document", 3, 60, 1, "data-analysis", "", "", None),
    ("CS-101", "客户服务沟通", "Customer Service Communication", "service", "live", 4, 60, 1,
     "communication;customer-service", "", "cs", 60),
]

EXAM_COURSES = {"SEC-101", "SEC-201", "CMP-101", "SAL-101", "SAL-201", "AI-101", "DATA-101", "CS-101"}

JOB_TITLES = {"rnd": "软件工程师", "sales": "销售代表", "mkt": "市场专员", "cs": "客服专员", "ops": "运营专员",
              "fin": "财务专员", "hrd": "HR专员", "it": "IT工程师"}

SURNAMES = [("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
            ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"), ("马", "ma"),
            ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("林", "lin"), ("高", "gao"), ("罗", "luo")]
GIVEN = [("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("磊", "lei"), ("强", "qiang"),
         ("洋", "yang"), ("艳", "yan"), ("勇", "yong"), ("军", "jun"), ("杰", "jie"), ("涛", "tao"), ("明", "ming"),
         ("超", "chao"), ("霞", "xia"), ("平", "ping"), ("刚", "gang"), ("丽", "li"), ("婷", "ting"), ("浩", "hao"),
         ("宇", "yu"), ("欣", "xin"), ("晨", "chen"), ("悦", "yue"), ("博", "bo"), ("琳", "lin"), ("鹏", "peng")]
