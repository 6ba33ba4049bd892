"""What a question asks for, read from its wording alone (no model): the kind of fact wanted, the section
it points to, whether it spans cases or is about the compilation itself, and hard constraints (years,
places, quoted names) that any supporting evidence must satisfy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from caseqa.corpus import cn_number
from caseqa.corpus.records import BACKGROUND, OUTCOME, PRACTICE

NUMBER_CUES = ("多少", "几", "多大", "多高", "比例", "比率", "百分", "数量", "金额", "规模", "how many", "how much", "number of",
               "percentage", "amount", "how long", "what share", "what proportion", "what fraction", "what ratio",
               "in yuan", "in rmb", "how many yuan")
DATE_CUES = ("什么时候", "何时", "哪天", "哪一天", "哪日", "哪年", "哪一年", "哪月", "哪个月", "哪一个月", "几月", "日期", "时间点", "什么时间", "when", "what year",
             "what date", "what day", "which day", "exact day", "exact date", "which year", "what month", "which month",
             "which date")
DURATION_CUES = ("多久", "多长时间", "多少时间", "多长", "几个月", "几天", "几年", "历时", "周期", "how long", "how quickly",
                 "how fast", "how soon")
ORG_CUES = ("哪个单位", "哪个部门", "哪家", "哪些单位", "哪些部门", "哪些机构", "哪个机构", "谁", "报送", "牵头", "哪些银行",
            "which unit", "which department", "who", "which organization", "which organisation", "which bank")
ALIAS_CUES = ("别名", "别称", "又名", "又叫", "又称", "简称", "全称", "其他名字", "其他名称", "also known", "other name",
              "known by", "known as", "also called", "a.k.a",
              "abbreviat", "short for", "full name")
NAME_CUES = ("叫什么", "名称", "名字", "叫啥", "什么名", "标题", "题目", "what is the name", "called", "title")
LIST_CUES = ("哪些", "分别", "包括", "有哪几", "都有", "都是", "列举", "列一下", "列出", "列下", "各有", "几个方面", "几项", "which ones", "list",
             "what are the")
WHY_CUES = ("为什么", "为何", "为啥", "干嘛要", "干吗要", "背景", "原因", "起因", "目的", "初衷", "为了解决", "出于什么考虑", "出于何种考虑", "用意", "why", "background", "reason")
HOW_CUES = ("怎么", "如何", "怎样", "措施", "做法", "举措", "办法", "采取", "干了", "做了", "咋", "几件事", "几方面", "哪些方面",
            "how did", "how do",
            "how does", "measures", "what did", "steps")
OUTCOME_CUES = ("成效", "效果", "结果", "成果", "成绩", "取得", "进展", "影响", "作用", "怎么样了", "变化", "改善", "带来了",
                "收效", "反响", "用得怎么样", "用得如何", "做得怎么样", "成绩单", "results", "outcome", "impact", "achieve",
                "effect", "what changed")
FOREIGN_NAME = re.compile(r"(英文|英语|外文)(名|名称|全称|简称|缩写|叫)|english name|name in english")
# a quoted name or title (“个体深信贷”, 《…指引》): opening mark, the term, closing mark
QUOTED_TERM = re.compile(r"([“\"《])([^”\"》]{2,20})([”\"》])")
# (English: on what date / what exact day / on exactly what date ask for the day, as 哪天 does)
DAY_CUES = re.compile(r"哪天|哪一天|哪日|几号|几月几[日号]|具体日期|哪个日子|"
                      r"\b(?:what|which)\s+(?:exact\s+)?(?:day|date)\b|\bexact(?:ly)?\s+(?:what\s+|which\s+)?(?:day|date)\b")
STATE_QUESTION = re.compile(r"((情况|现在|目前|如今|眼下).{0,6}|得)(怎么样|怎样|如何|咋样)(了|啊)?\s*[？?！!。]*$")
# 排第几 / 排名 asks for a rank (位列全国第一, 居各试点城市之首), not a count
RANK_CUES = ("排第几", "排在第几", "排名第几", "第几名", "排名多少", "排名如何", "排名怎么样", "排多少名", "what rank", "ranked",
             "ranking", "which rank", "what place")
# 在什么活动上发布的 / at which event: the occasion something happened at (在…宣传周启动活动上)
EVENT_CUES = ("什么活动", "哪个活动", "什么会议", "哪个会议", "什么会上", "哪个会上", "什么场合", "哪个场合", "什么仪式",
              "at which event", "at what event", "what event", "which event", "what occasion", "which occasion",
              "which conference", "what conference", "which meeting", "what meeting")
# 哪些指南 / 什么办法 / 哪份文件: a titled document (《…指南》) is asked for; 文件 / 政策 take any title
DOC_KINDS = ("指南", "指引", "办法", "规定", "意见", "方案", "规范", "规程", "标准", "协议", "备忘录", "通知", "条例", "手册",
             "清单", "专刊", "简报", "文件", "政策")
# 用了什么办法 asks for a method, 有什么意见 for views: these kinds name a document only when one is issued,
# signed or followed (出台的办法, 依据哪个方案)
EVERYDAY_KINDS = frozenset("办法 意见 方案 标准 政策 规定".split())
DOC_VERBS = re.compile(r"出台|印发|制定|制订|修订|发布|颁布|下发|签署|签订|签了|编制|编写|编了|起草|依据|根据|按照|出了|发了|文件")
DOC_ASK_BEFORE = "(?:哪些|哪几|哪份|哪部|哪个|什么)[^，。？！,?!]{0,6}"
DOC_ASK_AFTER = "[^，。？！,?!]?(?:是什么|叫什么|叫啥|名称|有哪些|分别是|是哪)"


def _doc_kinds(q: str) -> tuple[str, ...]:
    """The kinds of titled document a question asks to be named: the kind must be what 哪些 / 什么 asks about
    (编了哪些指南或指引, 出台的办法叫什么), not a word of a title the question quotes (《…合规指引》的六章)."""
    bare = re.sub(r"《[^》]*》|“[^”]*”", "", q)
    issued = bool(DOC_VERBS.search(bare))
    return tuple(k for k in DOC_KINDS if re.search(DOC_ASK_BEFORE + k + "|" + k + DOC_ASK_AFTER, bare)
                 and (issued or k not in EVERYDAY_KINDS))
EXTREME_ASKED = re.compile(r"最高|最多|上限|封顶|最大|最低|最少|下限|最长|最短")
# the figure before a change (改革前要多久, 原来有多少家, before the reform): only a sentence that tells where the
# figure started gives it, not one that tells where it ended (缩短至2.5个月以内); 比原来多了多少 asks the change
BASELINE_ASKED = re.compile(
    r"(?:改革|实施|推行|上线|开通|建立|启动|试点|改造|施行)(?:之前|以前|前)|"
    r"(?<![比较和与跟同])(?:原来|原先|原本|以前|之前(?!(?:说|提|讲|问|聊))|此前|起初|最初)|"
    r"\bbefore (?:the|it|this|that|these)\b[^,?]{0,60}?(?:reform|launch|mechanism|model|monitoring|programme|program|"
    r"pilot|platform|system|introduc\w*|start\w*|began|went live)|\bprior to\b|\bbaseline\b|\bpreviously\b|"
    r"\bused to (?:take|be|cost)\b", re.I)
BUILDING_ASKED = re.compile(r"哪[一两二三几]?[栋座幢]|(?:大楼|大厦|楼宇|楼)[，,]?(?:分别|各自|都)?(?:叫什么|叫啥|名称|名字|是哪)|"
                            r"(?:which|what) (?:building|tower)|name of the (?:building|tower)")
# where something took place: 在哪个城市签的, 在哪儿召开, where was it held (难点在哪里 asks for a point, not a place;
# 哪个区 is a district, checked on its own)
PLACE_ASKED = re.compile(r"哪(?:个|座|些|几个)(?:城市|国家)|什么地方|哪个地方|在哪(?:儿|里)?(?:举办|举行|召开|签|开的|办的|参加)|"
                         r"(?:设|建|位于|坐落|落户|落地|选址)在?(?:哪(?:儿|里)|何处)|"
                         r"\bwhere (?:was|were|did|is|are|does|do)\b|\bin which (?:city|country|place)\b|"
                         r"\bwhich (?:city|country|venue)\b|\bwhat (?:venue|location)\b|在哪(?:个|一个)?(?:场馆|会场|地点)")
LIMIT_NAMED = re.compile(r"上限|下限|封顶")  # 有没有额度上限 asks for a limit without 多少
WANT_CUES = (
    ("number", NUMBER_CUES), ("date", DATE_CUES), ("duration", DURATION_CUES), ("org", ORG_CUES),
    ("name", NAME_CUES), ("list", LIST_CUES), ("alias", ALIAS_CUES), ("rank", RANK_CUES), ("event", EVENT_CUES),
)
CROSS_CUES = ("哪些案例", "哪几个案例", "几个案例都", "各自", "分别", "各有", "各取得", "比较", "对比", "共同", "都有哪些案例",
              "哪些单位", "which cases", "compare", "both", "each case", "each of the", "respectively")  # (each level: no)
COMPARE_CUES = ("比较", "对比", "compare")
TABLE_COUNT = re.compile(r"(?<![第哪])(多少|几)[个篇份则项]?(报送)?(案例|单位)|(?:索引表|目录).{0,6}(?:多少|几)(?:行|条)|案例.{0,4}(总数|一共|共有)|一共.{0,6}案例|how many (cases|units)")
# 那个案例是几号: a case's number in the index, not a day of the month
CASE_NUMBER = r"案例(?:是|排)?几号"
# the index table (序号 / 报送单位 / 案例名称) as the subject of the question
TABLE_CUES = re.compile(
    r"案例[一二三四五六七八九十\d]{0,3}的?(?:全称|全名|完整标题|完整名称)|报送|哪个单位报|谁报|哪个部门报|谁提交|由谁报|案例(?:讲|说|写)的?(?:是)?什么|是(?:关于)?什么的?案例|哪(?:两|几)?个?(?:单位|部门).{0,4}(?:报|提交)|案例名称|案例标题|案例的(标题|题目|名字)|"
    r"(标题|题目)(是|叫|怎么写|写的是)|案例叫什么|案例的?名字|第几号|第几个案例|几号案例|" + CASE_NUMBER + r"|序号|编号是|案例.{0,8}排(?:在)?第几|submitted|title of case|"
    r"(?:报|交|提交)了?(?:个|一个)?(?:什么|哪个|哪些|哪几个|啥)案例"
)
ALL_ROWS = re.compile(r"(所有|全部|每个|每一个|各个)的?(报送)?(单位|案例|标题)|(报送单位|案例标题|案例名称)(都|分别)?(有哪些|是哪些|列)|"
                      r"哪些(单位|部门)(报送|提交|报)了?(案例)?[？?]?$|(来自|出自)哪些(单位|部门)|(汇编|这份|这本|本书|里面|这次|这批).{0,6}(有|收|收录|包括|包含)了?哪些案例[？?]?$|"
                      r"列(一下|出)?.{0,6}(报送单位|案例|标题)|all (the )?(units|cases|titles)")
# the submitting unit as the doer of what is asked (报送单位自己出面签了协议), not the index's column
SUBMITTER_ACTS = re.compile(r"报送单位(?:自己|自身|本身|亲自|直接|都)?(?:出面|牵头|制定|签|联合|指导|参与|推动|建立|发布|出台|组织|"
                            r"开展|搞|做|提出|引进|建设|打造)|报送单位(?:自己|自身|本身|亲自)")
# a case's place in the index asked for: 第几号, 几号案例, 编号是多少, 排第几个
TABLE_NUMBER_ASKED = re.compile(r"第几号|几号案例|" + CASE_NUMBER + r"|(?:编号|序号)(?:是)?(?:多少|几)|案例.{0,8}排(?:在)?第几")
POSITION_LAST = re.compile(r"(排在|排|列在)?最(?:后|末)(一个|一篇|一项|那个)?的?案例|案例.{0,4}(排在|排)最后|last case")
POSITION_NTH = re.compile(r"(?:排在|排|列在)第([一二三四五六七八九十\d]{1,3})(?:位|个|篇)?的?(?:是哪个|是哪一个)?案例|"
                          r"第([一二三四五六七八九十\d]{1,3})篇")
# (案例一共 / 案例一起 are 一共 and 一起, not case one)
CASE_REF = re.compile(r"(?:案例|第|序号\s*(?:为|是)?\s*)([一二三四五六七八九十]{1,3}|\d{1,2})(?![共起些样般定切直致同并旦贯])(?:个案例|号案例|案)?|"
                      r"case\s*(\d{1,2})", re.I)
WHICH_CASE = re.compile(r"哪个案例|哪一个案例|哪个案子|which case|in which case")
OFFICES = (r"部长|局长|负责人|院长|主任|书记|市长|法官|检察官|经理|董事长|带队的人|会长|行长|所长|理事长|秘书长|主席|"
           r"总裁|厅长|处长|科长|校长|创始人|法定代表人|法人代表|领导|主持人|发言人|审判长|庭长|仲裁员|专家|律师")
# a question for a person's name; the office named (会长是谁, 哪位统战部部长) is where the name must stand
PERSON = re.compile(rf"(?P<office>{OFFICES}).{{0,6}}(叫什么|是谁|名字|姓名)|哪一?位.{{0,6}}?(?P<office2>{OFFICES})|"
                    r"((?:他|她|此人|这人|那人|这位|那位|该人)叫什么名字|姓名|哪一?位|\bwho (signed|led|chaired|chairs|heads)\b|"
                    r"\bname of the (person|official|man|woman|head|director|leader|chair(man|woman|person)?)\b|"
                    r"\bwho (was|is) the (current |former |then )?([a-z]+ )?(head|director|president|chair(man|woman|person)?|"
                    r"minister|leader|mayor|secretary|ceo|founder|governor|judge|prosecutor|manager|official|officer|"
                    r"spokes(?:man|woman|person)|representative|arbitrator)\b)")
MEASURE_WORDS = frozenset("天 年 个月 小时 分钟 钱 块 宗 次 件 家 户 笔 人 名 位 人次 场 项 个 条 元 亿 万 所 栋 套 台 折 轮 "
                          "平方米 平米 亩 公顷 公里 层".split())
YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")
# a year said by its last two digits (22年, 23年的数据): 2015–2029, and not a span (20年来, 25年间)
SHORT_YEAR = re.compile(r"(?<![\d.])(1[5-9]|2\d)\s*年(?![来间内度多以前后])")
PRONOUNS = ("它", "这个", "该案例", "该项", "其", "这些", "那个", "上述", "此案", "这项", "这一", "他们", "它们", "那它", "这家",
            "这件事", "这事", "此事", "该事", "这个事", "那件事",
            "这里", "this case", "it", "its", "they", "them", "that case")
ELLIPSIS = re.compile(r"^(那|那么|还有|另外|再|然后|and|what about)|呢[？?]?$|第[一二三四五六七八九十\d]+(个|条|项|点|块|部分|方面|件|招|步|类|样)|还有(别的|其他|吗)")
# Common Chinese places outside this compilation's city. Used only as a constraint: a place named in the
# question must occur in the evidence. (General knowledge, not drawn from any eval question.)
PLACES = tuple(
    (
        "北京 上海 天津 重庆 广州 杭州 南京 苏州 成都 武汉 西安 长沙 郑州 青岛 厦门 宁波 东莞 佛山 珠海 惠州 中山 江门 汕头 "
        "福州 济南 合肥 沈阳 大连 哈尔滨 长春 昆明 贵阳 南宁 海口 三亚 石家庄 太原 兰州 乌鲁木齐 拉萨 呼和浩特 银川 西宁 "
        "南昌 香港 澳门 台湾 浙江 江苏 山东 河南 河北 湖南 湖北 四川 福建 安徽 辽宁 吉林 黑龙江 云南 贵州 广西 海南 "
        "江西 山西 陕西 甘肃 青海 内蒙古 新疆 西藏 宁夏 雄安 浦东 滨海新区 横琴 南沙 港澳台 港澳 "
        # (and abroad: a comparison with Singapore is no more in a case than one with Shanghai)
        "新加坡 伦敦 纽约 东京 首尔 巴黎 柏林 莫斯科 迪拜 悉尼 美国 英国 日本 韩国 德国 法国 俄罗斯 意大利 印度 澳大利亚 "
        "加拿大 欧洲 非洲 中东 东南亚"
    ).split()
)
# "哪家公司开发的", "试点银行是哪几家": the answer must name a firm of that kind
# (哪两家企业, 试点银行具体是哪几家: a count or an adverb between changes nothing)
FIRM_ASKED = re.compile(r"哪(?:一|几|两|三|四|五)?(?:家|个|些)(?:(?!案例|里|有|在|的)[\u4e00-\u9fff]){0,4}?(公司|企业|银行|事务所|医院|药店|大学|高校)|"
                        r"(公司|企业|银行|事务所|医院|药店|大学|高校)(?:分别|各自|都|具体|到底|究竟)?"
                        r"(?:是哪(?:一|几|两|三|四|五)?(?:家|个|些)|有哪(?:一|几|两|三|四|五)?(?:家|个|些)(?![\u4e00-\u9fff]))"
                        # 那家企业叫什么名字 / 涉事的企业叫什么: the firm just described, asked for by name
                        r"|(?:(?:那|这)一?(?:家|个)[\u4e00-\u9fff]{0,6}?|的)(公司|企业|银行|事务所|医院|药店|大学|高校)"
                        r"[\u4e00-\u9fff]{0,2}?的?"
                        r"(?:叫什么|名字|名称|全称|是谁)"
                        r"|\bwhich (?:[a-z]+ )?(bank|company|firm|hospital|pharmacy)s?\b"
                        # (which World Bank framework asks for a framework: the firm word only modifies it)
                        r"(?!\s+(?:framework|standard|rule|report|index|system|group|loan|credit|product|programme|"
                        r"program|project|platform|indicator|evaluation|assessment|survey|model|document)s?\b)")
FIRM_EN = {"bank": "银行", "company": "公司", "firm": "公司", "hospital": "医院", "pharmacy": "药店"}
# The same places as an English question names them: the evidence is Chinese, so the constraint is the
# Chinese name (an English question about Hong Kong is satisfied by 香港 in the text).
PLACES_EN = {
    "beijing": "北京", "peking": "北京", "shanghai": "上海", "guangzhou": "广州", "hangzhou": "杭州", "hong kong": "香港",
    "macau": "澳门", "macao": "澳门", "tianjin": "天津", "chongqing": "重庆", "chengdu": "成都", "wuhan": "武汉",
    "nanjing": "南京", "suzhou": "苏州", "xiamen": "厦门", "dongguan": "东莞", "foshan": "佛山", "zhuhai": "珠海",
    "taiwan": "台湾", "hainan": "海南", "hengqin": "横琴", "nansha": "南沙",
    "singapore": "新加坡", "london": "伦敦", "new york": "纽约", "tokyo": "东京", "seoul": "首尔", "paris": "巴黎",
    "berlin": "柏林", "moscow": "莫斯科", "dubai": "迪拜", "sydney": "悉尼", "united states": "美国", "america": "美国",
    "britain": "英国", "japan": "日本", "korea": "韩国", "germany": "德国", "france": "法国", "russia": "俄罗斯",
    "italy": "意大利", "india": "印度", "australia": "澳大利亚", "canada": "加拿大", "europe": "欧洲", "africa": "非洲",
    "middle east": "中东", "southeast asia": "东南亚",
}

# "compare with Singapore's" / 和新加坡比: a comparison with a place, and the cross-case cues other than comparing
PLACE_COMPARED = re.compile(r"(?:compar\w*|比较|对比|相比|比)\s*(?:with|to|against)?\s*(?:that of\s+)?(?:"
                            + "|".join([*PLACES, *PLACES_EN]) + ")")
CROSS_NOT_COMPARE = tuple(c for c in CROSS_CUES if c not in COMPARE_CUES)
# 香港或澳门 / Hong Kong or Macau: the places are alternatives
PLACE_ALTERNATIVE = re.compile(r"(或者?|还是|or)\s*(" + "|".join([*PLACES, *PLACES_EN]) + ")")


@dataclass(frozen=True)
class Intent:
    """The reading of one question."""

    wants: frozenset[str] = field(default_factory=frozenset)  # number, date, duration, org, name, list, event…
    text: str = ""  # the question read (what it already says is no answer: 除了中国银行，还有哪几家银行)
    section: str | None = None  # background / practice / outcome
    cross_case: bool = False
    table: bool = False  # about the compilation itself
    count_cases: bool = False
    case_refs: tuple[int, ...] = ()
    years: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    quoted: tuple[str, ...] = ()
    followup_cue: bool = False
    english: bool = False
    which_case: bool = False  # asks which case / unit did something
    person: bool = False  # asks for a person's name
    unit: str = ""  # measure word after 多少/几 (多少天 → 天), "" when none
    tokens: tuple[str, ...] = ()  # content tokens, filled by the answerer's tokenizer
    counted: tuple[str, ...] = ()  # for 多少 questions, the words naming what is counted
    latin: tuple[str, ...] = ()  # Latin-script terms in a Chinese question (AI, CA, SCIA): evidence must name them
    day: bool = False  # a date question that wants the day (哪天, 几号): a month does not answer it
    numbers: tuple[str, ...] = ()  # figures the question itself gives (1032件问题里…), years aside
    title: str = ""  # the office whose holder a person question asks for (会长是谁 → 会长)
    extreme: bool = False  # 最高能贷多少 / 最长多久: asks for a limit, which a plain figure does not give
    baseline: bool = False  # 改革前要多久: asks for the figure before a change, which the end figure does not give
    areas: tuple[str, ...] = ()  # business-environment areas asked about (企业开办, 获得电力…): see TOPIC_AREAS
    doc_kinds: tuple[str, ...] = ()  # 编了哪些指南或指引: the kinds of titled document asked for (指南, 指引)
    foreign_name: bool = False  # asks for an English / foreign-language name: the evidence must spell one
    all_rows: bool = False  # asks for the whole index table (所有报送单位)
    spelled: tuple[str, ...] = ()  # corpus names an English question spells in pinyin (Geti Shenxindai)
    firm: str = ""  # 哪家公司 / 哪几家银行: the kind of firm whose name is asked (公司, 银行…)
    firm_described: bool = False  # 签约入驻…的那家企业叫什么: the firm is the one the question describes
    places_any: bool = False  # the places are alternatives (香港或澳门), not all required
    every_case: bool = False  # 各个案例的成效: one line for every case, from the section asked for
    position: int = 0  # a place in the index table: 1 for 第一个案例, -1 for 最后一个


def _table_position(q: str) -> int:
    """第一个 / 最后一个 / 排在第三的 case of the compilation: 1, -1, 3; 0 when the question names none."""
    if POSITION_LAST.search(q):
        return -1
    m = POSITION_NTH.search(q)
    if not m:
        return 0
    token = m.group(1) or m.group(2)
    try:
        return int(token) if token.isdigit() else cn_number(token)
    except ValueError:
        return 0


def _has(q: str, cues: tuple[str, ...]) -> bool:
    """Whether ``q`` holds one of ``cues``; an English cue only as whole words (who is not in whole), a plural
    included (other names)."""
    return any(re.search(rf"(?<![a-z]){re.escape(c)}(?:s|es)?(?![a-z])", q) if c.isascii() else c in q
               for c in cues)


# "when" asks for a date at the head of a question (When did…, …and when was it…), not as a conjunction
# ("the rule applied when several cases are bundled")
# ("When promoting the product, how many…" is a participle clause, not a when-question either)
ASKING_WHEN = re.compile(r"(^|\b(and|or|since|until|by|from)\s+|[,;(]\s*)when\b(?!\s+[a-z]+ing\b)")


# Areas of the business environment as China's evaluation system (中国营商环境评价) and the World Bank's
# B-READY divide it — general domain knowledge, not drawn from any question. A question about an area asks
# the cases to speak of it: the case that answers must name the area in one of its words (a case on
# electronic bidding says nothing about 企业开办 or 获得电力, however close its sentences score).
# Each area: its name (for the message), the words a question asks about it with (Chinese and English),
# and the words that show a case speaks of it.
TOPIC_AREAS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("企业开办", ("企业开办", "开办企业", "开办一家", "开办公司", "开公司", "注册公司", "公司注册", "设立登记",
              "starting a business", "start a business", "business registration", "register a company",
              "incorporate", "incorporated", "incorporation"),
     ("开办", "设立登记", "注册登记", "商事登记", "企业登记")),
    ("办理建筑许可", ("建筑许可", "施工许可", "工程建设项目审批", "工程建设审批", "建设工程审批", "规划许可",
                "construction permit", "building permit"),
     ("建筑许可", "施工许可", "工程建设项目", "规划许可", "建设工程审批")),
    ("获得电力", ("获得电力", "用电报装", "电力接入", "接电", "通电", "供电", "用电", "electricity",
              "power connection", "power supply", "grid connection"),
     ("电力", "供电", "用电", "接电", "通电")),
    ("获得用气", ("用气", "燃气", "天然气", "natural gas"), ("用气", "燃气", "天然气")),
    ("登记财产", ("不动产登记", "登记财产", "财产登记", "房产过户", "产权登记", "property registration",
              "register property", "registering property"),
     ("不动产", "财产登记", "产权登记", "过户")),
    ("跨境贸易", ("通关", "报关", "口岸", "海关", "进出口", "跨境贸易", "出口退税", "customs", "clearance",
              "export", "import", "cross-border trade"),
     ("通关", "报关", "口岸", "海关", "进出口", "跨境贸易", "出口", "进口")),
    ("知识产权", ("知识产权", "专利", "商标", "侵权", "intellectual property", "patent", "trademark",
              "infringement"),
     ("知识产权", "专利", "商标", "侵权")),
    ("政府采购", ("政府采购", "public procurement", "government procurement"), ("政府采购", "采购")),
    ("纳税", ("纳税", "办税", "缴税", "退税", "tax filing", "tax payment", "pay taxes", "tax rebate", "tax refund"),
     ("纳税", "办税", "缴税", "退税", "税费", "涉税")),
    ("劳动力市场监管", ("农民工", "社保", "社会保险", "劳动合同", "劳动争议", "劳动仲裁", "拖欠工资", "欠薪",
                 "social insurance", "labour", "labor", "unpaid wages", "migrant workers"),
     ("农民工", "社保", "社会保险", "劳动", "欠薪", "工资")),
    ("外商投资", ("外资", "外商投资", "外企", "外汇", "foreign investment", "foreign-invested", "foreign exchange"),
     ("外资", "外商", "外企", "外汇", "外国投资")),
)
# Other fields of public policy, as the State Council's departments divide them (人力资源和社会保障, 住房和城乡
# 建设, 工业和信息化, 科学技术, 市场监管 for food safety, 生态环境, 教育, 应急管理, 文化和旅游, 农业农村) — again
# general knowledge. A compilation on the business environment touches them seldom, so a question about one
# is answered only by a case that speaks of it. (A cue is the field itself, not a word the cases use for
# something else: 机构落户 is a firm settling in, so 落户 alone is no cue for 人才落户.)
POLICY_AREAS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("人才与户籍", ("人才落户", "人才引进", "人才政策", "人才公寓", "人才补贴", "户籍", "户口", "积分入户",
               "talent", "hukou", "household registration"),
     ("人才", "户籍", "户口", "入户")),
    ("就业", ("就业", "失业", "招聘", "求职", "职业技能培训", "employment", "unemployment", "job seekers", "jobs"),
     ("就业", "失业", "招聘", "求职")),
    ("住房", ("住房", "保障房", "保障性住房", "公租房", "房价", "楼市", "housing", "house prices"),
     ("住房", "保障房", "公租房", "房价")),
    ("新能源汽车", ("新能源汽车", "电动汽车", "充电桩", "汽车", "electric vehicle", "electric vehicles",
               "new energy vehicle", "new energy vehicles", "charging pile"),
     ("汽车", "充电桩", "新能源")),
    ("人工智能", ("人工智能", "大模型", "算法", "artificial intelligence", "algorithm"),
     ("人工智能", "大模型", "算法")),
    ("食品与餐饮", ("食品安全", "食品", "外卖", "餐饮", "food safety", "food delivery", "restaurant", "restaurants"),
     ("食品", "餐饮", "外卖")),
    ("生态环境", ("环保", "环境保护", "碳排放", "碳达峰", "碳中和", "污染", "垃圾分类", "pollution", "carbon",
              "emissions", "garbage"),
     ("环保", "环境保护", "碳", "污染", "排放", "垃圾")),
    ("教育", ("教育", "学校", "学位", "入学", "中小学", "幼儿园", "school", "schools", "education"),
     ("教育", "学校", "学位", "入学")),
    ("安全生产", ("安全生产", "消防", "fire safety", "workplace safety"), ("安全生产", "消防")),
    ("文化旅游", ("旅游", "景区", "tourism", "tourist"), ("旅游", "景区")),
    ("农业农村", ("农业", "农村", "乡村振兴", "agriculture", "rural"), ("农业", "农村", "乡村")),
)
TOPIC_AREAS += POLICY_AREAS


def topic_areas(q: str, words: Iterable[str]) -> tuple[str, ...]:
    """The business-environment areas and fields of public policy question ``q`` asks about, by name. A two-character cue must be one of
    the question's (jieba) ``words``: 用电子营业执照 holds 用电 but does not speak of electricity."""
    ql, words = q.lower(), set(words)
    return tuple(name for name, cues, _ in TOPIC_AREAS
                 if any(_has(ql, (c,)) if c.isascii() else (c in words or (len(c) >= 3 and c in q)) for c in cues))


def area_words(name: str) -> tuple[str, ...]:
    """The words that show a case speaks of the area ``name``."""
    return next((words for n, _, words in TOPIC_AREAS if n == name), ())


# figures asked for by name: 什么数字, 哪些跟上一年相比的数据 (收哪些数据 asks what kinds of data)
FIGURES_ASKED = re.compile(r"(什么|哪些|啥)[^，。？?！]{0,12}?(数字|(统计|量化|对比|相比的?|增长的?|具体)数据)")


def read_intent(question: str) -> Intent:
    """Read ``question``'s intent with cue words; lower-cased English cues make English questions work too."""
    q = question.strip()
    ql = q.lower()
    # "English" means mostly Latin script: a few Chinese names in an English sentence do not make it Chinese
    english = len(re.findall(r"[A-Za-z]", q)) > 2 * len(re.findall(r"[\u4e00-\u9fff]", q))
    wants = {want for want, cues in WANT_CUES if _has(ql, cues)}
    if english and "date" in wants and not _has(ql, tuple(c for c in DATE_CUES if c != "when")) \
            and not ASKING_WHEN.search(ql):
        wants.discard("date")
    if english and re.search(r"\bwhat (?:(?:is|was|are|were) (?:the|its|their) )?[a-z0-9\- ]*(rate|ratio|percentage|"
                             r"proportion|cost|price|budget|fee|expense|spending|revenue|turnover|income|profit|"
                             r"penalt(?:y|ie)|subsid(?:y|ie)|debt)s?\b", ql):
        # "what is the interest rate", "what was the total cost", "what interest rate does it charge", "what was
        # the combined 2023 revenue", "what financial penalty applies" ask for a figure
        wants.add("number")
    if english and re.search(r"\bto what (?:level|extent)\b[^?]{0,80}?\b(?:br(?:ing|ings|ought) down|reduc|lower|cut|"
                             r"rais|increas|shorten)", ql):
        wants.add("number")  # "to what level was the rent brought down" asks for the figure it came to
    if FIGURES_ASKED.search(q):
        wants.add("number")  # 各拿出了什么数字, 有哪些跟上一年相比的数据: figures, however phrased
    if PLACE_ASKED.search(ql):
        wants.add("place")
    if BUILDING_ASKED.search(ql):
        wants.add("building")  # 依托的是哪一栋楼, 那栋大楼叫什么: a building is named
        wants.discard("number")  # (哪两栋楼 asks which two, not how many)
    # 哪几个部门 asks which ones, not how many; so does 列一下几个方面 (list them), and 分为几个部分 (name them)
    if re.search(r"哪几|有几[种类方面]|列(?:举|出|一下|下)?[^，。？?]{0,2}几(?:个|项|点|类|种)?(?:方面|点|项|类|种)|"
                 r"分(?:成|为)了?几(?:个)?(?:部分|块|方面)", q):
        wants.discard("number")
        wants.add("list")
    if "rank" in wants:
        wants.discard("number")
        if "第几个" in q:  # 排第几个 is a place in a list (of cases), not a rank
            wants.discard("rank")
    # (案例是几号 asks the case's number in the index, not a day)
    if "几" in q and re.search(r"几(月|号|日)", q) and not re.search(CASE_NUMBER, q):
        wants.discard("number")
        wants.add("date")
    if TABLE_NUMBER_ASKED.search(q):
        wants.discard("number")  # 那个案例是几号 / 编号是多少 asks a row's place in the index, which its row gives
    section = None
    # "…情况怎么样？" asks how things stand (a result), not how something was done
    state = STATE_QUESTION.search(ql)
    if _has(ql, WHY_CUES):
        section = BACKGROUND
    elif _has(ql, OUTCOME_CUES) or state:
        section = OUTCOME
    elif _has(ql, HOW_CUES):
        section = PRACTICE
    refs = []
    for m in CASE_REF.finditer(q):
        token = m.group(1) or m.group(2)
        if m.group(0).startswith("第") and not re.search(r"第.{1,3}个?案例", m.group(0) + q[m.end():m.end() + 3]):
            continue  # 第二个 / 第三条 are list positions, not case numbers
        try:
            refs.append(int(token) if token.isdigit() else cn_number(token))
        except ValueError:
            continue
    position = _table_position(ql)
    all_rows = bool(ALL_ROWS.search(ql)) and not position  # (列在最末的案例 is one row, not a list of them)
    # "各个案例的成效分别是什么？" asks every case for a section of its text, not the index table's rows
    # (a question about the table's own columns or rows is about the table, whatever else it says)
    table_words = bool(TABLE_CUES.search(ql) or re.search(r"单位|标题|名称|题目|units|titles", ql))
    every_case = all_rows and section is not None and not table_words
    all_rows = all_rows and not every_case
    # "2023年7月，各个案例里都发生了哪些事？" asks what the cases tell of that time, not for the table's rows
    # (…这些案例里都有哪些动作: these cases are all of them when no answer came before)
    dated_events = (all_rows or bool(re.search(r"(各个|这些|所有|每个|每一个)案例", ql))) and bool(YEAR.search(q)) \
        and not table_words
    all_rows = all_rows and not dated_events
    table = bool(TABLE_COUNT.search(ql)) or all_rows or bool(position) or bool(TABLE_CUES.search(ql))
    if table and SUBMITTER_ACTS.search(q) and _has(ql, CROSS_CUES) and not TABLE_COUNT.search(ql):
        # "哪些案例里，报送单位自己跟别的单位签了协议": what the submitting units did, told in the cases' text
        table = False
    cross = _has(ql, CROSS_CUES) or bool(re.search(r"(和|与|跟|及|、).{1,12}(各|分别|都)", q)) or every_case \
        or dated_events
    if cross and not _has(ql, CROSS_NOT_COMPARE) and PLACE_COMPARED.search(ql):
        cross = False  # compared with Singapore's: a comparison with a place, not between cases
    firm = FIRM_ASKED.search(ql)
    return Intent(
        text=q,
        wants=frozenset(wants),
        section=section,
        cross_case=cross and not table,
        table=table,
        count_cases=bool(TABLE_COUNT.search(ql)) and not refs and not all_rows,
        all_rows=all_rows,
        every_case=every_case,
        firm=(firm.group(1) or firm.group(2) or firm.group(3) or FIRM_EN[firm.group(4)]).replace("高校", "大学")
        if firm else "",
        firm_described=bool(firm and firm.group(3)),
        places_any=bool(PLACE_ALTERNATIVE.search(ql)),
        position=position,
        case_refs=tuple(dict.fromkeys(refs)),
        years=tuple(dict.fromkeys([*YEAR.findall(q), *("20" + y for y in SHORT_YEAR.findall(YEAR.sub(" ", q)))])),
        places=tuple(dict.fromkeys([*(p for p in PLACES if p in q),
                                    *(zh for en, zh in PLACES_EN.items() if re.search(rf"\b{en}\b", ql))])),
        quoted=tuple(m.group(2) for m in QUOTED_TERM.finditer(q)),
        followup_cue=_has(ql, PRONOUNS) or bool(ELLIPSIS.search(q)) or q.startswith("具体"),
        english=english,
        which_case=bool(WHICH_CASE.search(ql)),
        latin=() if english else tuple(dict.fromkeys(re.findall(r"[A-Za-z][A-Za-z0-9\-]+", q))),
        person=bool(PERSON.search(ql)),
        day=bool(DAY_CUES.search(ql)),
        foreign_name=bool(FOREIGN_NAME.search(ql)),
        numbers=tuple(dict.fromkeys(n for n in re.findall(r"\d+(?:\.\d+)?", SHORT_YEAR.sub(" ", YEAR.sub(" ", q.replace(" ", "")))))),
        title=(m.group("office") or m.group("office2") or "") if (m := PERSON.search(ql)) else "",
        doc_kinds=_doc_kinds(q),
        extreme=bool(EXTREME_ASKED.search(q)) and (bool(wants & {"number", "duration"}) or bool(LIMIT_NAMED.search(q))),
        # (an English question asks a figure by "what was the average trial period" as often as by "how long")
        baseline=bool(BASELINE_ASKED.search(q)) and (bool(wants & {"number", "duration"}) or (
            english and bool(re.search(r"\bwhat (?:was|were)\b|\bhow (?:many|much|long)\b", ql)))),
    )
