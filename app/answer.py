"""Extractive answers: the source's own sentences, each cited to its paragraph, or an honest refusal.

No language model writes anything here. An answer is a few sentences selected from the retrieved
paragraphs, in source order, each followed by a marker ``[n]`` whose citation carries the paragraph and
the quote's offsets inside it. The only words not quoted are short fixed labels (``案例三（市市场监管局）：``,
``（接上文：…）``, ``案例材料中没有找到…``).

Sentences are scored by the question–sentence cosine (precomputed sentence vectors), lexical overlap
with the question's jieba terms (IDF-weighted), the retrieval score of their paragraph, and what the
question asks for (numbers, dates, organisations, lists; background / practice / outcome sections).
Refusal needs evidence on more than one signal: sentence support, agreement of dense and BM25 retrieval,
and hard constraints of the question (a year, a place, a quoted name) that the evidence must contain.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from caseqa.corpus import Case, Corpus, Paragraph, Sentence
from caseqa.corpus.records import BACKGROUND, OUTCOME, PRACTICE, PREAMBLE, TABLE
from caseqa.index.bridge import is_english, latin_words
from caseqa.index.chunk import Chunk
from caseqa.index.pinyin import Transliterator
from caseqa.index.store import Hit, Searcher
from caseqa.index.tokenize import STOPWORDS, normalize, org_variants, unit_names

from .intent import (
    CROSS_CUES,
    EXTREME_ASKED,
    MEASURE_WORDS,
    PLACES,
    PLACES_EN,
    QUOTED_TERM,
    Intent,
    area_words,
    read_intent,
    topic_areas,
)
from .runtime import Runtime, check_question

NUMBER = re.compile(r"\d|[一二两三四五六七八九十百千万]+(?:个|项|家|条|场|次|件|户|笔|章|所|类|大|级)")
COUNT = re.compile(r"\d|[一二两三四五六七八九十百千万]+(?:个|项|家|条|场|次|件|户|笔|章|所|类|级)")  # NUMBER less 三大
DURATION = re.compile(r"(?<![\d.])(?!(?:19|20)\d{2}\s*年)(\d[\d.]*|[一二两三四五六七八九十半]+)\s*(天|个工作日|个月|年|小时|分钟|周)(以内|内|左右)?(?!\d)")
EVENT_DATE = re.compile(r"(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?")
DATE = re.compile(r"(19|20)\d{2}\s*年|\d{1,2}\s*月|\d{1,2}\s*日")
RANK = re.compile(r"第[一二三四五六七八九十\d]+(?:名|位)?|首位|之首|前列|前茅|top\s*\d+", re.I)
POSSESSIVE_VERBS = frozenset("有 共有 拥有 含 包含 包括 下辖 设有".split())
PER_WORD = re.compile(r"每[\u4e00-\u9fff]{1,2}")
TIME_WORDS = frozenset("时间 时长 天数 工期 周期 期限".split())  # 多少时间 asks for a duration, not a count of 时间
MARKER_SPLIT = re.compile(r"(\[\d+\])")
CHANGE_WORD = re.compile(r"(少|多|减少|增加|增长|提高|提升|降低|下降|上升|缩短|缩减|节省|节约|快|慢|涨|跌|翻|降|升)了?|(降|升|增|减|涨|跌|压|控制|提高|降低|增加|减少|缩短|达)(到|至|为)了?")
# a change asked from one figure to another, and told: 从多少家涨到多少家 / 由2022年底的143家增加至1018家
FROM_TO_ASKED = re.compile(r"(?:从|由)(?:多少|几)[^，。？?]{0,8}?(?:到|至|为)了?(?:多少|几)|from how many|from what")
FROM_TO_TOLD = re.compile(r"(?:从|由)[^，。；]{0,16}?\d[^，。；]{0,16}?(?:到|至|为)\s*\d")
SPAN_WORD = re.compile(r"[一二两三四五六七八九十几半]+(?:年|个月|月|天|周)")
ANAPHORIC_TIME = re.compile(r"^\s*(同年|当年|同月|当月|次年|翌年|同日|当日|同期|随后|此后)")
# a sentence whose reason is told in the one before it
ANAPHORIC_REASON = re.compile(r"^\s*(有鉴于此|鉴于此|基于此|为此|因此|对此|由此|据此)|^.{0,30}(这一|这些|上述|此类)")
DASHES = re.compile(r"[—–‒―\-－~～]+")
# (a document number, 国发〔2022〕5号, is no day)
DAY = re.compile(r"(?<![〕\]\d])\d{1,2}\s*[日号]")
CUTOFF_ASKED = re.compile(r"截至|截止|到什么时候|到哪天|到何时|到哪一?年|到几月|统计到|as of|up to when|until when|through when",
                          re.I)
# 截至 2023 年 12 月…从上线以来累计…: a cut-off date of a running total, not the date of any event it names
CUTOFF_DATE = re.compile(r"(?:截至|截止|截止到|到)\s*(?:(?:19|20)\d{2}\s*年)?\s*(?:\d{1,2}\s*月)?\s*(?:\d{1,2}\s*日)?\s*(?:底|末|初)?")
ORG = re.compile(r"[\u4e00-\u9fff]{1,12}(局|委|院|部|会|行|中心|公司|所|办|集团|协会|平台|银行|法院|检察院)")
NAME = re.compile(r"[“《][^”》]{2,30}[”》]")
TITLE = re.compile(r"《[^》]*》")
MONTH_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月")
DATE_SPAN = re.compile(r"(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月\s*(?:至|到|—|-|～|~)\s*(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月")
# a body an English question names in full: two or more capitalised words (of / for / and between) that hold
# a body's word (Hong Kong International Arbitration Centre, London Court of International Arbitration)
EN_BODY = re.compile(r"\b((?:[A-Z][a-z]+ (?:(?:of|for|and) )?){1,6}(?:Centre|Center|Court|Commission|Chamber|"
                     r"Institute|Association|Council|Tribunal|Federation|Organi[sz]ation|Agency|Authority)"
                     r"(?: (?:of|for) (?:[A-Z][a-z]+ ?){1,4})?)")
# British spellings the dictionary knows by their American form
BRITISH = {"centre": "center", "organisation": "organization", "programme": "program", "labour": "labor",
           "licence": "license", "licences": "licenses"}
# words that open the name of a home body (Shenzhen Court of International Arbitration): other checks read them
HOME_EN = frozenset("Shenzhen China Chinese Guangdong Qianhai National State Municipal People Peoples".split())
ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")  # SCIA, DIAC, ICC
EXIST_ASKED = re.compile(r"(?:有没有|有无|是否有|是否设有|有没)(?:设|设置|规定|给)?(?:个|一个)?([\u4e00-\u9fff]{2,8}?)(?=[？?，,。！!]|吗|呢|啊|呀|吧|嘛|$)")
# 有没有不交现金的办法: a way of doing something is asked for, not a named thing the case must write
MEANS_WORDS = ("办法", "方法", "途径", "渠道", "方式", "手段", "措施", "做法", "路子", "法子")
# 要额外交手续费吗 / 要另外付服务费吗 asks whether there is a charge: one the case never names, in full (服务 alone is
# no 服务费), it does not have
CHARGE_ASKED = re.compile(r"(?:要|需要|得|用)(?:额外|另外|再)?(?:交|缴|缴纳|付|支付)(?:个|一笔)?([\u4e00-\u9fff]{1,6}?费)"
                          r"(?=[？?，,。！!]|吗|呢|$)")
# 贷款期限有什么规定 / 报酬有什么限制: asks for the rules on a thing
RULE_ASKED = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:方面)?(?:(?:有什么|有啥|有哪些)(?:具体)?(?:规定|限制)|"
                        r"(?:是|又是)?(?:怎么|怎样|如何)(?:规定|限定|设定)的?)")
# 市水务局报了什么案例 (…报送的营商环境案例: the compilation's own words for its cases may come between)
SUBMITTED_BY = re.compile(r"(?:报送|报|交|提交)了?(?:个|一个|的)?(?:什么|哪个|哪些|哪几个|啥|几个)?"
                          r"(?:营商环境|优秀|典型|改革|创新)*案例")
ENUM = re.compile(r"[、]")
LIST_ITEM = re.compile(r"^\s*(?:[一二三四五六七八九十]是|[（(][一二三四五六七八九十]+[）)])")
# a word jieba's dictionary counts this often is a common word it happens to tag as a name (高水平, 宝安), not a
# person's name (习近平 is counted 4 times)
PERSON_FREQ = 10
# the commonest Chinese surnames (about nine people in ten bear one); a person's name starts with one
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
    "金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪"
    "庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
    "滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁"
    "沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝习"
)
COMPOUND_SURNAMES = frozenset("欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐".split())
# words that say what kind a firm is, not which one (试点银行, 头部金融机构, 全国百强税务师事务所)
GENERIC_FIRM_WORDS = frozenset(
    "试点 合作 商业 相关 各类 各家 多家 头部 金融 国有 民营 外资 其他 知名 百强 十强 全国 大型 中小 中小型 科技 互联网 快递 龙头 "
    "行业 本地 属地 一家 这家 该 其 等 有关 部分 优质 重点 上下游 意向 的 和 与 及 、 税务师 会计师 资产评估 律师 总所 分所 "
    "银行业 保险 担保 证券 基金 投资 服务 专业 一批 若干 境内外 境外 国际 国内 省内 省外 市 区 "
    .split()
)
# 《指引》第77条规定了什么: one article of a document, which a case that only counts them (共分为六章、77条)
# does not quote (a follow-up's 第四条 is the fourth item of the answer before, and names no document)
ARTICLE_ASKED = re.compile(r"(?:》|指引|指南|办法|规定|条例|意见|方案|规程|细则)的?(第[\d一二三四五六七八九十百]+条)")
# the ending of a body's name (深圳市总工会, 中国人民银行深圳中心支行, 国家税务总局): a body the question names
# and no case writes is one the cases say nothing of (格局 / 布局 / 党委 / 常委 are no bodies)
BODY_END = re.compile(r"总工会|工会|委员会|联合会|管理局|监管局|(?<![布格结当开大全僵骗饭赌邮])局|(?<![常纪编党])委|办公室|"
                      r"检察院|法院|仲裁院|研究院|研究所|集团|有限公司|银行|支行|分行|协会|商会|学会|交易所|海关|大学|学院")
# what government texts do to a body, written right before its name (指导协会, 督促企业, 联合市网信办)
VERBS_BEFORE_BODY = ("指导", "督促", "引导", "联合", "协调", "组织", "推动", "支持", "委托", "会同", "邀请", "依托", "通过",
                     "走进", "联系", "帮助", "要求", "牵头", "携手", "成立", "设立", "建立", "加入", "签约", "对接")
BODY_SPELLED = re.compile(BODY_END.pattern + "|中心")  # (…调解中心: a centre is a body when named in full)
# characters that end a name on its left (哪家银行, 这个协会, 跟市税务局, 请问…): a question's words, not a name's
NAME_STOP = frozenset("哪什么些个这那该各几的和与及或是在了把被向对给跟同从为由让请问吗呢有没都也还就又其等家位名讲说提谈到去找叫靠仅只")
AWARD_NAMED = re.compile(r"[一二三特]等奖|[金银铜]奖")  # 一等奖: an award the case must write to have won it
BUILDING = re.compile(r"[\u4e00-\u9fff]{2,12}(?:大厦|大楼)")  # 前海国际仲裁大厦: a building by its name
# where a thing is set up can be a site rather than a town: 在…四级政务服务中心…设置, 落户坪山区多彩硅谷产业园
SITE_TOLD = re.compile(r"(?:在|于|落户|入驻|位于)[^，。；：]{0,16}?(?:中心|大厦|大楼|楼宇|服务厅|大厅|园区|产业园|街道|社区)")
ISSUED = re.compile(r"出台|印发|制定|制订|发布|颁布|下发|推出")  # the words for issuing a document, one event
# 什么时候落地的 asks, in a loose word (落地), when something came out: it is dated by its going live or being
# issued (上线, 推出, 发布…); a precise word (开始施行, 实施) keeps its own meaning
LAUNCHED = re.compile(r"上线|推出|开通|启动|出台|印发|发布|颁布|落地")
CASE_WORD = re.compile(r"案例|案子|\bcases?\b", re.I)  # a question that speaks of the cases themselves
# the occasion something happened at: 在深圳市网络安全宣传周启动活动上, 在广东省涉外法治建设工作会议上
EVENT = re.compile(r"在[^，。；]{2,40}?(活动|会议|大会|论坛|仪式|峰会|发布会|开幕式|年会|座谈会|宣传周|博览会|届会|会)上|"
                   r"(参加|出席|举办|召开)[^，。；]{2,40}?(活动|会议|大会|论坛|仪式|峰会|发布会|开幕式|年会|座谈会|博览会|届会)")
# a where-question about an occasion itself, or for a city or country: an occasion's name does not answer it
OCCASION_ASKED = re.compile(r"活动|会议|大会|论坛|仪式|峰会|发布会|开幕式|年会|座谈会|宣传周|博览会|城市|国家|"
                            r"\b(?:event|meeting|conference|forum|ceremony|summit|session|week|venue|city|country)\b",
                            re.I)
NATIONAL = re.compile(r"\s*(?:我国|全国|国内|全球|世界)")  # a sentence about the country (我国中小企业…), not the city
# "供水那边和“办不成事”窗口那边，各自…": two sides, each asked the same
PAIR_EACH = re.compile(r"^([\u4e00-\u9fff“”《》·]{2,20}?)(?:那边|这边|那块|方面)?(?:和|与|跟|及|、)"
                       r"([\u4e00-\u9fff“”《》·]{2,20}?)(?:那边|这边|那块|方面)?[，,]?(?:各自|分别|各)")
# "A和B这两个案例" / "A与B两项": the question names two cases by what they are about
PAIR_OF_CASES = re.compile(r"([\u4e00-\u9fff“”《》·]{2,20}?)(?:和|与|跟|及|、)([\u4e00-\u9fff“”《》·]{2,20}?)"
                           r"(?:这|报的|的)?(?:两|二)(?:个|项)")
# what states a limit or an extreme: 最高…, 不超过…, 5个月以内, 居…之首
LIMIT_GIVEN = re.compile(EXTREME_ASKED.pattern + r"|不超过|不高于|不低于|不少于|至多|至少|以内|以下(?!简称)|以上|"
                         r"之首|第一|首位")
# where a figure started, before a change: 由2022年底的143家增加至…, 较线下节省…, 在143家医院…的基础上, 原来需要5天
BASELINE_TOLD = re.compile(r"(?:从|由)[^，。；]{0,20}?\d[^，。；]{0,20}?(?:到|至|为|降|增|减|缩|提)|"
                           r"较[^，。；]{0,12}?(?:节省|缩短|减少|提高|下降|增加|压减|降低|提升|压缩|少|多|快)|"
                           r"在[^，。；]{0,40}?\d[^，。；]{0,30}?的?基础上|"
                           r"(?:原来|原先|原本|此前|以往|过去|以前|之前|改革前)[^，。；]{0,20}?\d")
# what happened, with no narrower ask (在维也纳参加的是什么会议 asks for one thing of that month)
EVENTS_ASKED = re.compile(r"(做|干|办|发生)了?(什么|哪些|啥|些什么)|(有|有过)(什么|哪些|啥)(新|重要|重大)?(动作|进展|事|举措|活动)"
                          r"|\bwhat (did|has|have) .{1,80}? do\b|\bwhat happened\b", re.I)
MENTION_ASKED = re.compile(r"(哪些|哪几个|几个)案例.{0,4}(提到|提及|涉及|用到|出现|说到|讲到|谈到|写到|有关|相关)|"
                           r"(哪些|哪几个|几个|哪[两二三四五]个)案例(里|中|当中)?(有)?.{2,16}?(都|也)?(参与|参加|出场|露面)|"
                           r"(提到|提及|涉及|用到|出现|说到|讲到|谈到|写到)(过)?.{1,12}的(是)?(哪些|哪几个)案例|"
                           r"(在|出现在|写在)(哪些|哪几个|几个|哪[两二三四五]个)案例(里|中)?(被)?(提到|提及|出现|用到|写到|说到|讲到)?|"
                           r"(哪些|哪几个|几个)案例(里|中)?(跟|和|与).{2,12}?(有关|相关|有交集|有联系|有关系)|"
                           # 跟前海有关的案例各自…: the cases are described by what they have to do with
                           r"(跟|和|与)[^，。？?]{2,12}?(有关|相关|有联系|有关系)的(那些|这些|几个|两个|各个)?案例")
MENTION_PHRASE = re.compile(r"(?:提到|提及|涉及|用到|出现|说到|讲到|谈到|写到)(?:了|过)*([\u4e00-\u9fff·“”]{2,16}?)"
                            r"(?:吗|呢)?(?:？|\?|，|,|。|$)|(?:跟|和|与)([\u4e00-\u9fff·“”]{2,12}?)"
                            r"(?:有关|相关|有交集|有联系|有关系)|"
                            # 市税务局在哪几个案例里出现过 / 前海出现在哪些案例中: the name comes first
                            r"^(?:请问|想问一下|问一下|那么|那)?([\u4e00-\u9fff·“”]{2,16}?)(?:都|还|分别)?"
                            # (…在这本汇编里出现在哪几个案例中)
                            r"(?:在[\u4e00-\u9fff]{1,8}?[里中])?(?:在|出现在|写在)(?:哪些|哪几个|几个|哪[两二三四五]个)案例|"
                            # 哪几个案例里市税务局参与其中: the cases a body takes part in
                            r"(?:哪些|哪几个|几个|哪[两二三四五]个)案例(?:里|中|当中)?(?:有)?([\u4e00-\u9fff·“”]{2,16}?)"
                            r"(?:都|也)?(?:参与|参加|出现|出场|露面)")
SHORT_FORM_DEFINED = re.compile(r"[（(](?:以下)?简称[“\"]([^”\"]{2,12})[”\"]")  # X（以下简称“Y”） defines Y
EN_MONEY = re.compile(r"\b(cost|costs|costing|budget|budgets|revenue|revenues|spending|spent|spend|price|prices|"
                      r"fees?|funding|turnover|how much money|(?:in|of) (?:yuan|rmb|dollars)|"
                      r"disburs\w*|lent|loaned|loans? (?:size|amount)s?|amounts? (?:lent|loaned|borrowed)|"
                      # (what a debt, a subsidy, a penalty or a sum in dispute comes to is a sum of money too)
                      r"debts?|subsid(?:y|ies)|penalt(?:y|ies)|fines?|compensation|"
                      # (how much a bidder has to pay, or is charged)
                      r"pay|pays|paid|charged?|"
                      r"amounts? (?:in dispute|involved|at stake|claimed)|(?:total|combined) amount)\b", re.I)
# "how much below market price": a discount, told as a share of the price
# (…and so does a rent or price brought down: to what level was the rent brought down → 6.5-7 折)
EN_DISCOUNT = re.compile(r"\b(?:below|under|off|cheaper than|less than)\s+(?:the\s+)?market\b|\bdiscount|"
                         r"\b(?:rents?|prices?|fees?)\b[^?]{0,60}?\b(?:brought down|reduced|lowered|cut)\b|"
                         r"\b(?:bring|brought|reduce[sd]?|lower(?:ed)?|cut)\b[^?]{0,20}?\b(?:rents?|prices?|fees?)\b", re.I)
# (a rate as a noun: "the non-performing loan rate", not "used to rate")
EN_RATE = re.compile(r"\b(?:the|a|what|its|their)\s+(?:[a-z\-]+\s+){0,4}rates?\b|\brates? of\b|"
                     r"\b(?:ratios?|percentages?|proportions?|per ?cent|what share)\b", re.I)
WHY_ASKED = re.compile(r"为什么|为何|为啥|干嘛要|干吗要|啥原因|什么原因|原因是|\bwhy\b", re.I)
CAUSE = re.compile(r"由于|因为|导致|造成|致使|源于")  # a sentence that gives a cause
SPLIT_WORD = re.compile(r"([\u4e00-\u9fff])了?(?:多少|几)(?:个|笔|次|项)?([\u4e00-\u9fff])(?=[？?，,。]|$)")
ALIAS_MARK = re.compile(r"又名|又称|亦称|别称|别名|简称|全称|也叫|又叫")
SAME_ASK = re.compile(r"^(那|那么|那个|还有|再看看?|换成)?.{1,20}(呢|怎么样|如何)[？?]?$")
DESCRIBED_CASE = re.compile(r"[\u4e00-\u9fff“”]{2,}的(?:那|这)(?:一)?个案例")
# 除了自己报送的案例，还在别的案例里出现过吗 / 还参与了哪个案例: where else a body appears
OTHER_CASES = re.compile(r"(别的|其他|其它|另外的?|另一个)案例|还(参与|出现|出现在|在)了?(哪个|哪些|哪几个)?案例|"
                         r"除了.{0,20}(还|又).{0,8}(哪个|哪些|哪几个)案例")
# “全国首个”“国内首个”或者“中国首座”: quoted terms given as alternatives
QUOTED_ALTERNATIVES = re.compile(r"”\s*(?:或者?|还是|、|，|,)?\s*“")
# words that say what form an answer takes (数字, 百分比, 倍数, 增减), not what it is about
ANSWER_FORM = re.compile(r"[一二三四五六七八九十\d]+|各|各自|各有|分别|最|最主要|主要|核心|最核心|数字|数据|数值|指标|"
                         r"百分|百分比|比例|倍|倍数|增减|增长|下降|变化|量化|同比|多少|几")
ASPECTS = re.compile(r"几个?方面|几件事|几块|几个?部分")
LIST_MEASURE = re.compile(r"哪(?:几|些)(章|条|项|类|种|批|期|轮|级)")  # 分了哪几章: the items a count in 章 names
ASPECT_WORD = re.compile(r"几(?:个|件|项|条|方面|个方面|件事|项工作)")  # jieba's 几件 | 几件事: the count a list asks
# "供水那个案例里…？医保那个案例里…？": a part of a question that picks out its case by what it is about
PART_NAMES_CASE = re.compile(r"[\u4e00-\u9fff“”]{2,}的?(?:那|这)(?:一)?个案例")
ORDINAL = re.compile(r"第([一二三四五六七八九十\d]+)(?:个|条|项|点|种|家|块|部分|方面|件|招|步|类|样)")
# 还有别的吗: asks for more (searched in a question, and matched whole against its words)
# (还 + a verb asks what else was done: 它还跟谁签了…; 还是 / 还在 / 还能 / 还没 are "still", "or", "can")
MORE = re.compile(r"还有|别的|其他|其它|另外|此外|more|else|other|还(?=[\u4e00-\u9fff])(?!是|要|会|能|可|没|不|在|算|好|行|需|得|应)")
# "in July 2023": an English question names the month in words
EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
EN_MONTH = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December|"
                      r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?(?=\s*(?:\d|,|of))|"
                      r"(?<=\bin )(January|February|March|April|June|July|August|September|October|November|December)\b",
                      re.I)
YEARLIKE = re.compile(r"(19|20)\d{2}\s*年")
# a figure asked per unit or on average (平均每笔, 人均, per transaction, the average amount), and where one is told
PER_ASKED = re.compile(r"平均每|每(?:一)?(?:笔|户|家|人|次|件|单|张|场|位|名|宗)[^，。？?]{0,8}?(?:多少|几)|人均|户均|笔均|单笔|单户|"
                       r"\bper (?:transaction|person|head|capita|household|case|loan|firm|company|business|pharmacy|"
                       r"visit|patient|claim|order|guarantee|event|bidder)\b|\baverage (?:amount|size|value|sum)\b", re.I)
PER_TOLD = re.compile(r"平均|每|人均|户均|笔均|单笔|单户|均")
ANY_EVENT = frozenset("动作 事 事情 事儿 进展 举措 行动 大事 新闻 新动作".split())  # what happened, whatever it was
PREMISE = "问题中给出的数字"  # what a refusal names when the question takes as given a figure the cases never state
# a count the question gives (那7家, 1032件问题): a whole number and the measure word after it
GIVEN_COUNT = re.compile(r"(?<![\d.第])(\d+)(个|家|所|位|名|户|件|笔|场|项|条|章)(?![\d月日年])")
COUNT_KIN = (("个", "家", "所", "位", "名", "户"),)  # measure words a speaker swaps for one another
# a figure asked for one month (4月那个月, 当月, 7月份里): a figure of other months does not give it
MONTH_PERIOD = re.compile(r"\d{1,2}月份?(?:当月|那个月|这个月|一个月|里|内|期间|单月)|那个月|当月|这个月|单月|"
                          r"\d{1,2}月[^，。？?]{0,24}(?:刚[^，。？?]{0,16})?(?:时|的时候|那会儿?|之初)(?![间期段长点候])")
CJK = re.compile(r"[\u4e00-\u9fff]")
CJK_RUN = re.compile(r"[\u4e00-\u9fff·]+")
# what a noun right after 多少 is counted in (多少案件 → 件, 多少企业 → 家)
# a sum of money asked for by what it pays (保费是多少, 租金一共多少): counted in 元 as 多少钱 is
MONEY_ASKED = re.compile(r"(?:费|费用|价格|价钱|租金|金额|成本|预算|报酬|罚款|补贴|罚金)(?:是|要|需要|为|大概|大约|一共|总共|共|有)?"
                         r"(?:多少|几)(?![成折倍个点%％])")
NOUN_UNITS = {"案件": "件", "案子": "件", "案": "件", "企业": "家", "公司": "家", "银行": "家", "机构": "家", "药店": "家",
              "医院": "家", "民企": "家", "个体户": "户", "商户": "户"}
UNIT_ALIASES = {"钱": ("元", "万元", "亿元", "亿"), "块": ("元",), "天": ("天", "日", "个工作日"), "年": ("年",),
                "个月": ("个月",), "位": ("位", "名", "人"), "名": ("名", "位", "人"), "人": ("人", "名", "位", "人次"),
                "家": ("家", "个"), "件": ("件", "宗", "个"), "宗": ("宗", "件"), "%": ("%", "％", "百分之", "成", "折"),
                "倍": ("倍", "%", "％"), "月": ("个月",), "小时": ("小时",), "分钟": ("分钟",),
                "家户": ("家", "户", "个"), "平方米": ("平方米", "平米", "㎡"), "平米": ("平方米", "平米", "㎡"),
                "亩": ("亩",), "公顷": ("公顷",), "公里": ("公里", "千米")}
# what an English "how many X" counts, told in the measure word Chinese counts X in (companies → 家, people → 人)
EN_COUNT_UNITS = {"家户": ("company", "companies", "firm", "firms", "enterprise", "enterprises", "business",
                          "businesses", "bank", "banks", "pharmacy", "pharmacies", "institution", "institutions",
                          "organisation", "organisations", "organization", "organizations", "hospital", "hospitals",
                          "bidders", "tenderers", "suppliers", "members"),
                  "人": ("people", "persons", "residents", "patients", "visitors", "participants", "staff",
                        "employees", "workers", "personnel", "judges", "officials", "officers", "lawyers",
                        "arbitrators", "mediators", "experts"),
                  "件": ("disputes", "complaints", "problems", "applications", "lawsuits"),
                  "天": ("days",), "个月": ("months",), "小时": ("hours",), "分钟": ("minutes",)}
GENERIC_WORDS = frozenset("时候 什么 时间 哪年 哪天 多久 多长 多少 哪些 哪个 怎么 如何 为什么 原因 成效 效果 结果 做法 措施 "
                          "情况 具体 一共 目前 现在 当时 后来 以后 之后 然后 那么 这个 那个 单位 部门 哪家 几个".split())
OVERVIEW_WORDS = frozenset("怎么 怎样 如何 做 做的 做法 搞 搞的 干 干的 措施 举措 主要 哪些 采取 具体 实施 推进 开展 工作 案例 事 事情 "
                           "帮 帮助 几件 几件事 件事 方面 几方面 哪几个 "
                           "了 的 是 呢 吗 什么 方法 办法 推动 方面 几条 几点 几项 哪几 几个 条 点 项 "
                           # (分成哪几块 / 分为几个部分: the parts a case's measures fall into are its titled measures)
                           "分成 分为 分 几块 块 部分 几部分 几个部分".split())
# words that only name a section (为什么 → 工作背景, 成效 → 工作成效)
# what a part of a several-question question may ask that earns it a quote of its own
FACT_WANTS = frozenset("number date duration name list org rank event".split())
# 什么事 / 哪些事情: words that ask, not words to find; as rare tokens they would outweigh the topic
# how an event happened (开始, 正式…), not which event: 哪天开始正式施行 asks when it took effect
EVENT_MANNER = frozenset("开始 正式 全面 首次 率先 陆续 逐步 真正 第一次 最早".split())
PLACE_ENDINGS = frozenset("区县市省镇")  # the administrative endings of a place's name
# words a question fills in around what it counts (一共有多少条 counts no 共有)
ASK_FILLERS = frozenset("事 事情 事儿 东西 做 干 搞 共有 一共 总共 共计 合计 总计 又 还 也 都".split())
# when, not what: 机构原来有多少家 counts 机构 (at an earlier time), not 原来
TIME_ADVERBS = frozenset("原来 原先 原本 本来 以前 之前 此前 先前 过去 起初 最初 当初 当时 现在 目前 如今 眼下 现如今".split())
SECTION_WORDS = frozenset("背景 原因 为什么 为何 起因 缘由 成效 效果 结果 成果 取得 怎么样 如何 好处 作用 意义 影响".split())
# words that speak of the compilation itself, not of any case's content
COMPILATION_WORDS = frozenset("汇编 本 这本 这次 本次 此次 这批 收录 收 收了 一共 总共 共 共有 总数 案例 单位 报送 报送单位 优秀 里 里面 选 入选 "
                              "索引 索引表 表 目录 行 几行 条 份 这份 "
                              "how many cases units compilation".split())
FOCUS_STOP = frozenset("案例 具体 一共 总共 共 累计 目前 现在 到底 大概 大约 能 多 少 了 个 是 有 "
                       "借此 因此 由此 从而 进而 为此 已经 已".split())  # (connectives: 有多少家借此退出 counts 退出)
# units asked for inside one case (走进了哪些单位, 跟哪些单位合作), not the units that submitted cases
UNITS_WITHIN = re.compile(r"(?<!报送)(?<!提交)哪些单位(?!报|提交)")
# what a measure is for, asked without 为什么: 出于什么考虑, 目的是什么, 用意
PURPOSE_ASKED = re.compile(r"出于.{0,4}考虑|目的|用意|初衷|\bwhat for\b|\bpurpose\b|\baim(?:ed)?\b", re.I)
# a sentence that says what the measures after it are for: "为加快破产案件办理进度，…"
PURPOSE_LEAD = re.compile(r"^\s*为(?!了?此)[^，。]{2,30}，")
# …or, after a measure, what it achieves: "…，有效减轻企业资金周转压力"
PURPOSE_TOLD = re.compile(r"有效(?:减轻|降低|缓解|减少|提升|提高|解决)|从而|旨在|以便")
SUBPOINT_TITLE = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]是)\s*[^。]{2,40}。$")
MARKUP = re.compile(
    r"<\s*(script|style)\b[^>]*>.*?<\s*/\s*\1\s*>|<\s*/?\s*[a-zA-Z][^<>]{0,300}>|<!--.*?-->", re.S | re.I
)
MARKUP_ONLY = "这个问题只有网页代码（HTML 标签或脚本），没有可以查询的文字。请用文字提问。"
REFUSAL = "案例材料中没有找到能回答这个问题的内容。"


@dataclass(frozen=True)
class AnswerParams:
    """Weights and thresholds of sentence scoring and refusal; tuned on the tuning split only."""

    w_cos: float = 1.0
    w_lex: float = 0.35
    w_hit: float = 0.04
    w_hit_english: float = 0.08  # English questions: sentence cosines are noisier across languages
    w_want: float = 0.04
    w_section: float = 0.05
    w_outcome_number: float = 0.04
    candidate_chunks: int = 6
    english_chunks: int = 6  # candidate paragraphs for English questions
    max_sentences: int = 3
    max_chars: int = 260
    margin: float = 0.06  # extra sentences must score within this of the best
    gain_share: float = 0.1  # …and add question words carrying at least this share of the question's weight
    cos_floor: float = 0.80  # below this best cosine an answer needs lexical support
    lex_floor: float = 0.25
    support_min: float = 0.9  # combined support needed to answer
    w_agree: float = 0.1  # support added (or taken) when dense and BM25 agree (or not) on the case
    idf_power: float = 2.0  # >1 lets the question's rarest word decide between sentences
    identity_weight: float = 0.4  # weight of words that name a case, in sentence selection
    w_quote: float = 0.15  # bonus for a sentence holding a term the question quotes (“三快”)
    section_switch_margin: float = 0.05  # how much worse the asked-for section's best may score and still win
    w_repeat: float = 0.04  # penalty, in follow-ups, for sentences the previous answer already quoted
    number_switch_margin: float = 0.1  # how far below the best a sentence with a figure may be and still lead
    unit_switch_margin: float = 0.2  # …and a sentence with a figure in the unit asked for (几折 → 7 折)
    date_switch_margin: float = 0.15  # how far below the best a dated sentence may be and still lead
    number_cos: float = 0.93  # a number answer without word overlap needs this cosine
    cross_margin: float = 0.05
    cross_max_cases: int = 6
    cross_line_chars: int = 190  # one case's line in a cross-case answer (160 cut second sentences with facts)
    w_bridge: float = 0.8  # English questions: share of word overlap taken through the dictionary
    bridge_per_word: int = 4  # dictionary translations kept per English word
    english_counted_senses: int = 8  # …and when checking that what an English question counts is there
    cross_lex_ratio: float = 0.4  # the tuning split cannot tell 0.3–0.7 apart; probes favour completeness


@dataclass(frozen=True)
class Citation:
    """One quoted span and the paragraph it comes from; ``text[start:end] == quote``."""

    n: int
    chunk_id: str
    case: int
    case_title: str
    unit: str
    section: str
    text: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class Related:
    """A nearby paragraph shown beside a refusal (or an answer) so the user can check for themselves."""

    chunk_id: str
    case: int
    case_title: str
    unit: str
    section: str
    text: str
    score: float


@dataclass(frozen=True)
class Answer:
    """What caseqa says: quotes with markers, their citations, or a refusal with related passages."""

    question: str
    text: str
    abstained: bool
    citations: tuple[Citation, ...] = ()
    related: tuple[Related, ...] = ()
    context_note: str = ""  # "（接上文：案例三 个体深信贷）" when a follow-up was resolved
    missing: tuple[str, ...] = ()  # parts of the question the cases do not cover
    cases: tuple[int, ...] = ()
    topic: str = ""  # the question as resolved (follow-ups joined to their antecedent)
    items: tuple[tuple[int, str], ...] = ()  # (case, sentence id) listed, for "第二个呢？"
    intent: Intent = field(default_factory=Intent)
    warnings: tuple[str, ...] = ()
    said: tuple[str, ...] = ()  # sentence ids quoted earlier on this topic (for "还有呢？")
    listing: tuple[str, ...] = ()  # the list "第二个" counts in, kept while the user walks through it
    case_listing: tuple[int, ...] = ()  # the cases "第二个" counts in, kept while the user walks through them


@dataclass(frozen=True)
class _Scored:
    sentence: Sentence
    paragraph: Paragraph
    score: float
    cos: float
    lex: float


def short_title(case: Case) -> str:
    """A short name for a case: the first clause of its title, or the product named in quotes in that clause
    (“个体深信贷”, “办不成事”)."""
    title = case.table_title or case.title
    first = re.split(r"[，,\s]|--|——", title.strip("“”"), maxsplit=1)[0] or title
    if "“" in first or title.startswith("“"):
        quoted = re.findall(r"“([^”]{2,12})”", title)
        if quoted:
            return quoted[-1] if len(quoted) > 1 else quoted[0]
    return first if len(first) <= 20 else first[:19] + "…"


def case_label(case: Case, with_title: bool = True) -> str:
    """The fixed label put before a case's quotes, e.g. ``案例三 个体深信贷（市市场监管局）``."""
    title = short_title(case) if with_title else ""
    if NUMBER.search(title):  # labels carry no numbers: every number in an answer is quoted
        title = ""
    return f"{case.label}{' ' + title if title else ''}（{case.unit}）"


DATE_CUE_WORDS = ("什么时候", "何时", "哪天", "哪年", "哪一年", "哪月", "几月", "什么时间", "时候", "哪一天")
NUMBER_CUE_WORDS = ("多少", "几", "多大", "多长", "多久", "多高", "百分之", "比例", "比率", "占比")


def _bare_name(name: str) -> str:
    """A body's name without the 深圳市 / 深圳 / 市 in front, which a question may leave out (深圳中院 → 中院)."""
    return re.sub(r"^(深圳市|深圳|市)", "", name)


# the usual short forms of what a question counts (general usage): 多少家民企 counts 民营企业
SHORT_FOR = {"民企": ("民营企业",), "国企": ("国有企业",), "外企": ("外资企业", "外商投资企业"), "央企": ("中央企业",),
             "个体户": ("个体工商户",), "中小企": ("中小企业",), "小微": ("小微企业",)}


def _name_forms(name: str) -> list[str]:
    """The spellings a name may take in the text: a body's usual forms (市发改委 → 深圳市发展和改革委员会), and
    for a city body named with its city (深圳市税务局) the same with only 市 (市税务局), as cases write it."""
    forms = org_variants(name)
    bare = _bare_name(name)
    if bare != name and len(bare) >= 3 and name.startswith("深圳"):
        forms += [v for v in org_variants("市" + bare) if v not in forms]
    return forms


def _asked_words(words: list[str]) -> list[str]:
    """The question's words less a figure that only describes what is asked about: in
    "拉着几家银行搞的那个活动，批了多少授信" the 几家 picks out the activity (…的那个) and 多少授信 is the question.
    A cue is descriptive when its clause goes on to 的那… / 的这…, and another cue is left to ask."""
    def clause(i: int) -> list[str]:
        out = []
        for w in words[i + 1:]:
            if re.fullmatch(r"[，。？！,?!；;]", w):
                break
            out.append(w)
        return out

    cues = [i for i, w in enumerate(words) if w.startswith(NUMBER_CUE_WORDS)]
    described = {i for i in cues if any(w == "的" and nxt.startswith(("那", "这"))
                                        for w, nxt in itertools.pairwise(clause(i)))}
    if not described or described == set(cues):
        return words
    return [w for i, w in enumerate(words) if i not in described]


SAME_MONTH = re.compile(r"同一个月|同一月|同月|当月|那个月|那一个月")
SAME_YEAR = re.compile(r"同一年|同年|当年|那一年|那年")


def _same_time(q: str, before: str) -> str:
    """A follow-up's "同一个月" / "同年" with the month or year the conversation named last put in its
    place (…2023年7月…？同一个月它还签了什么？ → 2023年7月它还签了什么？), so the date steers the answer as it
    would have had the user written it. Unchanged when the earlier turns name none."""
    months = re.findall(r"\d{4}\s*年\s*\d{1,2}\s*月", before)
    years = re.findall(r"\d{4}(?=\s*年)", before)
    if months and SAME_MONTH.search(q):
        return SAME_MONTH.sub(months[-1].replace(" ", ""), q, count=1)
    if years and SAME_YEAR.search(q):
        return SAME_YEAR.sub(years[-1] + "年", q, count=1)
    return q


def sub_questions(q: str) -> list[str]:
    """The questions inside one question, split at question marks (a part needs two word characters)."""
    pieces = [p.strip() for p in re.split(r"(?<=[？?])", q)]
    return [p for p in pieces if len(re.findall(r"[\w\u4e00-\u9fff]", p)) >= 2]


# "数据出境合规"那一章 / 走进深汕合作区那次 / 华夏银行深圳分行那一场: one part of something, picked out
PART_PICKED = re.compile(r"([\u4e00-\u9fff“”\"]{2,20}?)的?那一?(?:章|场|次|回|期|批|轮)(?![\u4e00-\u9fff]{0,2}案例)")
# a place an English question names in pinyin: Futian District, Bao'an County
EN_PLACE_NAMED = re.compile(r"\b([A-Z][a-z]+(?:'[a-z]+)?)\s+(?:District|County|Subdistrict|Township|Town|Village|Street)\b")
# …and what marks a run of Chinese as a place the cases name (坪山区)
PLACE_SUFFIX = re.compile(r"区|县|镇|乡|村|街道|社区")
# a rate per area (每平方米补多少), told only by a figure per area
PER_AREA = re.compile(r"(?:每|(?<![\d一二三四五六七八九十百千万])一)(?:平方米|平米|㎡|亩)|per square met(?:re|er)|per sq", re.I)
AREA_UNIT = re.compile(r"平方米|平米|㎡|亩")
# spoken question words and the written ones they stand for
COLLOQUIAL_WORDS = {"啥": "什么", "咋样": "怎么样", "咋": "怎么"}
COLLOQUIAL = re.compile("|".join(sorted(COLLOQUIAL_WORDS, key=len, reverse=True)))
# a space between two Chinese characters, which in a typed question parts clauses
SPACED_CLAUSE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# 走进深汕合作区、坪山区那两场: several parts picked out together, whose figure is told for them all
PARTS_PICKED = re.compile(r"那(?:两|三|四|五|几)(?:场|次|回|期|批|轮|个|家)")
# a document's number (国发〔2022〕5号), which 文号多少 asks for
DOC_NUMBER = re.compile(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号")
DOC_NUMBER_ASKED = re.compile(r"文号|发文字号|编号")
CLAUSE_SPLIT = re.compile(r"[，,；;。：:]")
LIST_SPLIT = re.compile(r"[，,；;。：:、]|等")
# a district of the city (general knowledge): 个体深信贷在龙岗区放款多少 asks for that district's figure
DISTRICT_PICKED = re.compile(r"(福田|罗湖|南山|盐田|宝安|龙岗|龙华|坪山|光明|大鹏)区?")
DISTRICT_ASKED = re.compile(r"哪(?:个|些|几个|一个)?区|各(?:个)?区(?:分别|各自|各)|which district")
TOTAL_GIVEN = re.compile(r"(里|中|当中|之中|其中)[，,]")  # 那1032件问题里，…: the parts of a total


# a clause that asks something (a question word), so that it can stand as a question of its own
ASKS = re.compile(r"什么|啥|哪|多少|几|怎么|怎样|如何|为什么|为何|吗|是否|有没有|多久|多长|多大")
# a follow-up that asks a question of its own (怎么…, How is it…) rather than the last one again (药店那边呢？,
# What about the pharmacies?)
OWN_ASK = re.compile(r"什么|啥|哪|多少|几|怎么(?!样)|为什么|为何|多久|多长|多大|\b(?!(?:what|how) about\b)"
                     + "(?:what|when|how|which|who|whom|whose|where|why)\\b", re.I)
# …and one that asks a figure (哪几个 asks which, not how many)
ASKS_FIGURE = re.compile(r"多少|(?<!哪)几")
FIGURE_OR_SAME = re.compile(ASKS_FIGURE.pattern + r"|呢\s*[，,；;？?]?\s*$")


def asking_clauses(q: str, asks: re.Pattern[str] = ASKS) -> list[str]:
    """The clauses of ``q`` (split at ，；) that each ask something (``asks`` matches in them); a clause that
    asks nothing goes with the one after it (or, at the end, the one before)."""
    pieces, pending = [], ""
    for clause in re.split(r"(?<=[，,；;])", q.strip()):
        text = pending + clause
        if asks.search(clause):
            pieces.append(text.rstrip("，,；;"))
            pending = ""
        else:
            pending = text
    if pending and pieces:
        pieces[-1] += pending
    return pieces


def figure_clauses(q: str) -> list[str]:
    """"截至2023年底，电子保函累计担保了多少钱，个体深信贷累计放款多少？" asks two figures in one sentence: the
    clauses that each ask one (a clause that asks nothing, such as a date, goes with the one after it).
    Empty unless at least two clauses ask a figure."""
    pieces = asking_clauses(q, FIGURE_OR_SAME)
    # (…时长缩了多少，停水次数呢: a clause of 呢 after a figure question asks that figure of another thing)
    return pieces if len(pieces) >= 2 and ASKS_FIGURE.search(pieces[0]) else []


# "How many chapters does it have, and on what date was it released?": an English question of several,
# split before a second question word; each piece must ask something (a question word or an auxiliary first)
EN_WH = r"(?:what|when|how|which|who|whom|whose|where|why)\b"
EN_PART_BREAK = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*(?:and\s+)?|\s+and\s+)"
                           r"(?=(?:(?:on|in|at|by|for|from|to|with|since)\s+)?" + EN_WH + ")", re.I)
EN_ASKS = re.compile(r"\b" + EN_WH + r"|^\s*(do|does|did|is|are|was|were|has|have|had|can|could|will|would)\b", re.I)
# ", where the guideline was released": a relative clause, not a second question
EN_RELATIVE = re.compile(r"(?:where|when)\s+(?:the|a|an|its|their|it|they|this|these|those)\b", re.I)


def english_parts(q: str) -> list[str]:
    """The questions inside one English question, split before a second question word (", and when…")."""
    pieces: list[str] = []
    carry = ""
    for p in (p.strip(" ,;") for p in EN_PART_BREAK.split(q)):
        # a bare question word asks with the next one ("…, and when and where were they released?")
        if len(re.findall(r"[A-Za-z]+", p)) < 3 and re.fullmatch(EN_WH, p, re.I):
            carry += p + " and "
            continue
        pieces.append(carry + p)
        carry = ""
    pieces = [p for p in pieces if len(re.findall(r"[A-Za-z]+", p)) >= 3]
    # ", where the guideline was released" qualifies what comes before; it asks nothing of its own
    for k in range(len(pieces) - 1, 0, -1):
        if EN_RELATIVE.match(pieces[k]):
            pieces[k - 1] += ", " + pieces.pop(k)
    # each piece must ask something ("According to this compilation, what…" is one question)
    if len(pieces) < 2 or not all(EN_ASKS.search(p) for p in pieces):
        return []
    return pieces


ASKED_PAIR = re.compile(
    r"^(?P<subj>[^，,？?]{2,30}?)的(?P<a>[^的，,、？?和与及]{2,10}?)(?:和|与|及|以及|、)(?P<b>[^的，,、？?和与及]{2,10}?)"
    r"(?:各|分别)?(?:是|为|有)?(?P<ask>多少|几[个项家件天年]?)[？?]?$")


def attribute_parts(q: str) -> list[tuple[str, str]]:
    """"个体深信贷的放款金额和不良率各是多少？" asks two figures of one subject: the two questions, each with
    the thing it asks for (to name it if the cases lack it). Empty when the question is not of that form."""
    m = ASKED_PAIR.match(q.strip())
    if not m:
        return []
    subj, ask = m.group("subj"), m.group("ask")
    return [(f"{subj}的{m.group(x)}是{ask}？", m.group(x)) for x in ("a", "b")]


def _part_missing(k: int, missing: tuple[str, ...], asked: str = "") -> str:
    """"第二问所问的具体数字" (or "“不良率”的具体数字" when the part asks for a named thing): what the k-th
    part (0-based) lacks, in words (no digits: every figure in an answer must be a quote)."""
    said = [m for m in missing if not re.search(r"\d", m)]
    if asked and not re.search(r"\d", asked):
        if not said:
            return f"“{asked}”的相关内容"
        return "；".join(f"“{asked}”的" + m.removeprefix("问题所问的") for m in said)
    label = f"第{'一二三四五六七八九十'[k] if k < 10 else k + 1}问"
    if not said:
        return f"{label}的相关内容"
    return "；".join(label + (m[2:] if m.startswith("问题") else "：" + m) for m in said)


ENGLISH_COUNTED = re.compile(
    r"\bhow (?:many|much) (?P<a>[a-z][a-z\- ]*?) (?=(?:do|does|did|are|is|were|was|have|has|had|can|could|will|"
    r"would|in|of|to|for|from|at|on|by|with|that|which|who|the|\w+ed|offer\w*|take\w*|took|made|became|went|got|"
    r"gave|held|built|brought|lent|paid|spent|ran|saw|came)\b)|"
    r"\bwhat (?:is|was|are|were) the (?P<b>[a-z][a-z\- ]*?(?:rate|ratio|percentage|share|proportion|number|amount))\b")
# "how much does a bidder have to pay for the CA digital certificate": what is priced is the head of the noun
# phrase after pay for / cost of (its last word before a verb, a preposition or the question mark)
ENGLISH_PRICED = re.compile(r"\b(?:pay|paid|pays|charged?|charges|costs?|fees?|prices?)\s+(?:for|of|to use)\s+"
                            r"(?:the |a |an |each |one )?(?P<thing>[a-z][a-z ,\-]{2,60}?)"
                            r"(?=\s+(?:used|in|at|on|under|by|when|if|to|from|that|which|for)\b|\s*[?.]|$)")
# the kinds of guidance document a title is misremembered between (指南 / 指引 are both "guide")
DOC_KIND_TWINS = (("指南", "指引"), ("指引", "指南"))
# "Of the 393 bidders that…" / "Among the 584 cases…": a given whole whose part the question goes on to count
# (what is counted is the first plural word after the figure, with up to two words before it: 584 simplified
# bankruptcy cases)
# "128家药店里，连锁药店有几家": a whole the question gives (128家药店) and a kind of it (连锁) whose count is asked
PART_OF_GIVEN = re.compile(r"\d[\d.]*[家个件户笔名人项所](?P<whole>[\u4e00-\u9fff]{1,6}?)(?:里面|当中|之中|里|中)[，,]?"
                           r"[^，,？?。]*?(?P<kind>(?:(?![多少几有是的家个件户笔名人项所])[\u4e00-\u9fff]){2,4}?)(?P=whole)")
ENGLISH_OF_GIVEN = re.compile(r"\b(?:of|among|out of) (?:the|those|these|its|their) [\d,.]+ "
                              r"(?P<noun>(?:[a-z\-]+ ){0,2}?[a-z\-]+s)\b")
GENERIC_EN = frozenset("many much number amount total overall average".split())
AUXILIARIES = frozenset("do does did is are was were has have had can could will would".split())


def english_counted(q: str) -> tuple[str, ...]:
    """What an English figure question counts: "how many community health centres offer…" → community,
    health, centres; "what is the interest rate of…" → interest, rate. Words like total or number say how,
    not what, and are left out. "Of the 393 bidders that…, how many were…" counts the bidders the question
    named before it asked."""
    ql = q.lower()
    m = ENGLISH_COUNTED.search(ql)
    words = (m.group("a") or m.group("b") or "").replace("-", " ").split() if m else []
    if (not words or words[0] in AUXILIARIES) and (of := ENGLISH_OF_GIVEN.search(ql)) and re.search(
            r"\bhow many\b", ql[of.end():]):
        words = of.group("noun").split()
    if (not words or words[0] in AUXILIARIES) and (priced := ENGLISH_PRICED.search(ql)):
        words = priced.group("thing").replace(",", " ").split()[-1:]
    if not words or words[0] in AUXILIARIES:  # "how much did it lend": no noun is counted
        return ()
    return tuple(w for w in words if w not in GENERIC_EN and len(w) >= 3)


def unit_pattern(q: str) -> re.Pattern[str] | None:
    """A unit name the question writes with placeholders (“市××局”, 市某某局), as a pattern over unit names;
    None when the question has none."""
    bare = re.findall(r"(?:深圳市|市|区|省|县)?(?:[×xX＊*]|某){1,3}(?:局|委员会|委|院|部|办公室|办|厅|署|会|中心)", q)
    for quoted in re.findall(r"[“\"「]([^”\"」]{2,20})[”\"」]", q) + bare:
        if not re.search(r"[×xX＊*]|某", quoted):
            continue
        parts = re.split(r"(?:[×xX＊*]|某)+", quoted)
        if any(parts) and all(re.fullmatch(r"[\u4e00-\u9fff]*", p) for p in parts):
            return re.compile(".{1,12}?".join(map(re.escape, parts)))
    return None


def _initials(name: str) -> str:
    """The initials a body's English name is abbreviated to: Dubai International Arbitration Centre → DIAC."""
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _holds(text: str, word: str) -> bool:
    """``word`` occurs in ``text``; a Latin word only as a whole word (``ca`` is not in ``scia``)."""
    if word.isascii():
        return re.search(r"(?<![a-z])" + re.escape(word) + r"(?![a-z])", text) is not None
    return word in text


def _amounts(text: str) -> list[str]:
    """The figures of a sentence, dates aside ("共 1032 件" → ["1032"])."""
    return re.findall(r"\d+(?:\.\d+)?", DATE.sub(" ", text.replace(" ", "")))


@functools.cache
def _unit_figure(unit: str) -> re.Pattern[str]:
    """A figure counted in ``unit`` (多少天 → "2—3天", 几折 → "6.5-7 折"), aliases included (钱 → 元, 亿元)."""
    units = UNIT_ALIASES.get(unit, (unit,))
    # Chinese numerals count only before 个/项/条 (三个工作组); 二次供水 is a word, not a count
    # (and 一个 is mostly an article: "通过这一个小窗口" counts nothing)
    cn = "|(?!一[个项条])[一二两三四五六七八九十百千]+" if unit in ("个", "项", "条") else ""
    # (5个月 is a span of months, no count of 个)
    return re.compile(r"(?:\d[\d.,\s]*" + cn + r")(?:多|余|超|近)?\s*(?:万|亿|千|百)?\s*(?:"
                      + "|".join(re.escape(u) + ("(?!月)" if u.endswith("个") else "") for u in units) + ")")


def _unit_figures(unit: str, text: str) -> list[str]:
    """The figures of ``text`` counted in ``unit``, years aside (2023年 is no count of 年)."""
    return [m.group(0) for m in _unit_figure(unit).finditer(text) if not YEARLIKE.fullmatch(m.group(0).strip())]


def _counted_core(word: str) -> str:
    """The part of a jieba word that names what is counted: a measure word or modal glued to it goes
    (多少家能 → 能 → "", 能省 → 省), and so does a directional ending (放出去 → 放)."""
    word = re.sub(r"^(?:家|个|件|笔|户|项|次|场)(?=[\u4e00-\u9fff])", "", word)
    word = re.sub(r"^(?:能够|可以|能|可|会|要)(?=[\u4e00-\u9fff])", "", word)
    word = re.sub(r"(?<=[\u4e00-\u9fff])(?:出去|出来|下来|下去|进去|起来)$", "", word)
    return "" if word in ("能", "可", "会", "要", "可以", "能够", "着", "来着", "了", "过", "呢", "啊", "吗",
                          "起来", "出来", "下来") else word


def _event_dates(text: str) -> set[str]:
    """The dates of events in ``text``: not those after 截至 / 截止 ("截至2023年12月底" is when a count was
    taken, not when anything happened)."""
    return {m.group(0).replace(" ", "") for m in EVENT_DATE.finditer(text)
            if not re.search(r"(截至|截止|截止到|至|到)$", text[max(0, m.start() - 4):m.start()].replace(" ", ""))}


# (a lone 一 is mostly an article or an idiom: 一件事解决一类事, 一个小窗口)
CN_FIGURE = re.compile(r"(?:[二两三四五六七八九十百千]|一[十百千])[一二两三四五六七八九十百千]*个?"
                       r"(?:月|年|天|日|小时|周|家|项|条|章|次|件|人|名|个|倍)")


def _months_told(text: str) -> tuple[set[str], bool]:
    """The single months a sentence dates itself to ("2023年7月"), and whether it dates anything to a month at
    all, a span (2023年5月至12月) included: a span's figure is no one month's."""
    flat = text.replace(" ", "")
    span = r"((?:19|20)\d{2})年(\d{1,2})月(?:至|到|—|-|～|~)(?:(?:19|20)\d{2}年)?\d{1,2}月"
    single = re.sub(span, " ", flat)
    months = {f"{y}年{int(m)}月" for y, m in re.findall(r"((?:19|20)\d{2})年(\d{1,2})月", single)}
    return months, bool(months) or bool(re.search(span, flat))


def _figures(text: str) -> list[str]:
    """A sentence's figures in digits (dates aside) and in Chinese numerals with their unit (历时八个月)."""
    return _amounts(text) + CN_FIGURE.findall(text.replace(" ", ""))


def _part_adds(part: Answer, whole: Answer) -> bool:
    """Whether a part's own answer brings what the part asks that the whole answer's quotes lack: not when
    its figures are all quoted already (新引进 26 家 once the whole quotes 26 家), and a figure question's first
    quote must give a figure not quoted yet, a date question's an event date not quoted yet ("…, and how
    many were resolved?" answered without a figure adds nothing)."""
    first = part.citations[0].quote if part.citations else ""
    said = "".join(c.quote for c in whole.citations)
    figures = _figures("".join(c.quote for c in part.citations))
    if figures and set(figures) <= set(_figures(said)):
        return False
    wants = part.intent.wants
    if "number" in wants and not set(_figures(first)) - set(_figures(said)):
        return False
    return "date" not in wants or bool(_event_dates(first) - _event_dates(said))


def _names_document(kinds: Sequence[str], text: str) -> bool:
    """Whether ``text`` names a titled document of one of ``kinds`` (《…审查指南》 for 指南; any title for 文件) by
    its name: a short form that is only the kind (《指引》) says which document, not what it is called."""
    return any(len(m) > len(k) and (k in m or k in ("文件", "政策")) for m in re.findall(r"《([^》]+)》", text)
               for k in kinds)


def _as_hits(chunks: Sequence[Chunk], first_rank: int = 1) -> list[Hit]:
    """Chunks taken as candidates without a retrieval score (a case's section, its alias paragraphs), ranked
    in the order given after ``first_rank``."""
    return [Hit(c, 0.0, r, 0.0, 0.0, None, None) for r, c in enumerate(chunks, first_rank)]


def _has_amount(text: str) -> bool:
    """Whether ``text`` states an amount; a date is not one ("2021年8月" does not answer 多少家)."""
    return bool(NUMBER.search(DATE.sub(" ", text)))


def _content_word(w: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fffA-Za-z0-9]", w)) and w not in FOCUS_STOP and w not in STOPWORDS \
        and not w.startswith(NUMBER_CUE_WORDS) and not w.startswith(DATE_CUE_WORDS)


def marked_points(text: str) -> list[tuple[int, int]]:
    """The points of one sentence that counts them (一是…；二是…；三是…), as (start, end) offsets into ``text``,
    each point without the ；that closes it; [] when the sentence counts fewer than two."""
    starts = [m.start(1) for m in re.finditer(r"(?:^|[；;：:，,])\s*([一二三四五六七八九十]是)", text)]
    if len(starts) < 2:
        return []
    ends = [*starts[1:], len(text)]
    return [(a, a + len(text[a:b].rstrip().rstrip("；;，,。"))) for a, b in zip(starts, ends, strict=True)]


def inline_items(text: str, cut: Callable[[str], list[str]] | None = None) -> list[tuple[int, int]]:
    """The items of the longest 、-separated list inside one sentence (包括A、B、C等。), as (start, end)
    offsets into ``text``: what "第三个呢？" points at when the list was quoted as a single sentence.

    Each span is the item as the source writes it; the cue before the first item (包括, 如, 涵盖…) and the
    等 after the last are left out. Fewer than three items is not a list worth counting. ``cut`` splits
    words (the index's jieba, which knows the corpus's terms); without it, jieba's default dictionary.
    """
    if cut is None:
        import jieba

        cut = jieba.lcut
    best: list[tuple[int, int]] = []
    for clause in re.finditer(r"[^，,；;：:。！？]+", text):
        pieces = [m for m in re.finditer(r"[^、]+", clause.group(0))]
        if len(pieces) < 3 or len(pieces) <= len(best):
            continue
        spans = [(clause.start() + m.start(), clause.start() + m.end()) for m in pieces]
        a, b = spans[-1]
        etc = text.find("等", a, b)
        if etc > a:
            spans[-1] = (a, etc)
        a, b = spans[0]
        cue = list(re.finditer(r"包括|涵盖|覆盖|例如|比如|如|有|即|含", text[a:b]))
        if cue:
            spans[0] = (a + cue[-1].end(), b)
        elif len(text[a:b]) > max(y - x for x, y in spans[1:]) + 2:
            # no cue: a verb may run into the first item (对接上线中国银行、招商银行…); keep the words at its
            # end that make it about as long as the longest other item
            width = max(y - x for x, y in spans[1:]) + 1
            words = cut(text[a:b])
            kept = 0
            while words and kept + len(words[-1]) <= width:
                kept += len(words.pop())
            if kept:
                spans[0] = (b - kept, b)
        spans = [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in spans]
        if all(b - a >= 2 for a, b in spans):
            best = spans
    return best


class Answerer:
    """Answers questions over one loaded runtime; precomputes sentence tokens and IDF once."""

    def __init__(self, runtime: Runtime, params: AnswerParams | None = None) -> None:
        self.rt = runtime
        self.corpus: Corpus = runtime.corpus
        self.searcher: Searcher = runtime.searcher
        self.index = runtime.index
        self.params = params or AnswerParams()
        self.tokenize = self.index.tokenize
        sentences = self.corpus.sentences
        self._para_of = {s.id: self.corpus.paragraph(s.paragraph_id) for s in sentences}
        self._tokens = {s.id: set(self.tokenize(s.text)) for s in sentences}
        df: Counter[str] = Counter()
        for toks in self._tokens.values():
            df.update(toks)
        n = len(sentences)
        self._idf = {t: math.log(1 + n / c) for t, c in df.items()}
        self._max_idf = math.log(1 + n)
        self._case_text = {c.number: self.corpus.text[c.start : c.end] for c in self.corpus.cases}
        self._flat_case_text = {n: text.replace(" ", "") for n, text in self._case_text.items()}  # PDF spacing out
        # …and without the interpunct, which names drop or keep at will (企·航, 企航)
        self._bare_case_text = {n: text.replace("·", "") for n, text in self._flat_case_text.items()}
        # each case's sentences without the PDF's spacing (read by _pervasive)
        self._flat_sentences: dict[int, list[str]] = {}
        for para in self.corpus.paragraphs:
            self._flat_sentences.setdefault(para.case, []).extend(s.text.replace(" ", "") for s in para.sentences)
        self._case_words: dict[int, set[str]] = {}  # a case's jieba words (使用电子 holds 用电, but not as a word)
        for sid, toks in self._tokens.items():
            self._case_words.setdefault(self._para_of[sid].case, set()).update(toks)
        self._vocabulary = set().union(*self._case_words.values())  # every jieba word of the cases
        self._spoken_keys: set[str] | None = None  # pinyin of the places the cases name, when needed
        self._units = {c.number: c.units for c in self.corpus.cases}
        self._term_cases = self._distinctive_terms()
        self._body_name_cache: dict[int, list[str]] = {}
        self._english_body_cache: dict[str, bool] = {}
        self._flat_text = self.corpus.text.replace(" ", "")
        self._identity = {
            c.number: set(self.tokenize(" ".join([c.title, c.table_title, c.unit, *self._aliases(c)])))
            for c in self.corpus.cases
        }
        self._posseg = None
        self._short_form_cache: dict[str, tuple[str, ...]] = {}
        self._rows = {p.case: p for p in self.corpus.paragraphs if p.section_kind == TABLE}  # index-table rows
        self._all_identity = set().union(*self._identity.values()) if self._identity else set()
        # a word of an alias that the text writes only where it defines the alias (中文简称“深国仲”) points at
        # that definition, never at what a question asks: in choosing sentences it counts nothing
        named = {t for c in self.corpus.cases for t in self.tokenize(" ".join([c.title, c.table_title, c.unit]))}
        alias_words = {t for c in self.corpus.cases for t in self.tokenize(" ".join(self._aliases(c)))} - named
        self._defined_only = {t for t in alias_words
                              if all(ALIAS_MARK.search(s.text) for s in sentences if t in self._tokens[s.id])}
        # the city the compilation is about (深圳 of 深圳市级…案例), as a question may name it
        city = re.search(r"^\s*(?:\d{4}\s*年)?\s*([\u4e00-\u9fff]{2,3}?)市", self.corpus.title)
        self._home: tuple[str, ...] = (city.group(1), "我市", "本市", "全市", "本地") if city else ()
        self._compilation_words = set(self.tokenize(self.corpus.title)) | set(COMPILATION_WORDS)
        self._latin_vocab = set(re.findall(r"[a-z]{2,}", self.corpus.text.lower()))
        self._pinyin = Transliterator(self.tokenize.terms)  # Geti Shenxindai → 个体深信贷 in English questions

    def _aliases(self, case: Case) -> list[str]:
        """Other names the case gives its submitting unit, in the brackets right after the unit's name:
        深圳国际仲裁院（又名华南国际经济贸易仲裁委员会…，中文简称“深国仲”，英文简称“SCIA”）."""
        text = self._case_text[case.number]
        out: list[str] = []
        for unit in case.units:
            for name in dict.fromkeys([unit, *unit_names(unit)]):
                for m in re.finditer(re.escape(name) + r"[（(]([^）)]{2,120})[）)]", text):
                    inner = m.group(1)
                    if re.search(r"又名|简称|又称|亦称", inner):
                        out += [w for w in re.split(r"[，,、；“”\"\s]|又名|中文简称|英文简称|简称|又称|亦称|以下", inner)
                                if len(w) >= 2]
        # …and the short name it gives the programme its title names: (简称“企·航”计划) for the title's “企·航”
        for term in re.findall(r"“([^”]{2,12})”", case.title):
            for m in re.finditer(r"(?:以下)?简称\s*((?:“" + re.escape(term) + r"”)[\u4e00-\u9fff]{0,4})", text):
                out.append(m.group(1).replace("“", " ").replace("”", " "))
        return out

    # ------------------------------------------------------------ entry point

    def answer(self, question: str, history: Sequence[Answer | str] | None = None, cases: Sequence[int] | None = None,
               ) -> Answer:
        """Answer ``question``; ``history`` holds the conversation's earlier answers (or questions, replayed).

        Raises:
            QueryError: the question is empty or has no words.
        """
        q, warnings = check_question(question)
        # Markup is not part of a question (a pasted <img …> or <script> must not steer retrieval).
        stripped = MARKUP.sub(" ", q).strip()
        if not any(ch.isalnum() for ch in stripped):
            return Answer(q, MARKUP_ONLY, True, warnings=tuple(warnings))
        stripped = self._respelled(stripped)
        # "电子保函一共担保了多少钱 个体深信贷一共放款多少": typed without punctuation, a space between Chinese
        # words parts clauses as a comma would
        stripped = SPACED_CLAUSE.sub("，", stripped)
        prev = self._previous(history, cases)
        filt = list(cases) if cases else None
        if prev is not None:  # (the month may be one the last answer gave: 哪天上线的？…同一个月还…)
            stripped = _same_time(stripped, prev.topic) if re.search(r"\d{4}\s*年", prev.topic) else _same_time(
                stripped, "".join(c.quote for c in prev.citations))
        intent = self._intent(stripped)
        ans = self._answer(stripped, intent, prev, filt)
        parts = sub_questions(stripped)
        asked: list[str] = []
        if len(parts) < 2 and (pairs := attribute_parts(stripped)):
            parts, asked = [p for p, _ in pairs], [a for _, a in pairs]
        if len(parts) < 2 and intent.english:
            parts = english_parts(stripped)
        if len(parts) < 2 and not intent.english and not TOTAL_GIVEN.search(stripped):
            # (each about a thing of its own: "企业反映的有多少件，个人反映的有多少件" splits a total)
            clauses = figure_clauses(stripped)
            if all(len(self._specific_words(c)) >= 2 for c in clauses):
                parts = clauses
        if len(parts) < 2 and not intent.english:
            # "水务局参考的什么标准，政数局依据的哪个文件": clauses that each name a case of their own and ask of
            # it are a question each
            clauses = asking_clauses(stripped)
            named = [self._named_cases(c) for c in clauses]
            if len(clauses) >= 2 and all(len(n) == 1 for n in named) and len({n[0] for n in named}) == len(named):
                parts = clauses
        if ans.abstained and PREMISE in ans.missing and not self._counts_given(stripped, self._flat_text):
            parts = []  # "那7家后来怎么样了？进破产程序了吗？": a figure no case gives makes every part moot
        if len(parts) >= 2:
            # a part is about the case the parts before it name (“个体深信贷”单户…？有没有上限？)
            ans = self._by_parts(ans, parts, prev, filt, asked, inherit=not intent.cross_case)
        ans = self._beyond_given(stripped, intent, ans)
        # the user's own words are kept as typed; every interface renders them as text
        return replace(ans, question=q, warnings=tuple(warnings))

    def _beyond_given(self, q: str, intent: Intent, ans: Answer) -> Answer:
        """"户均停水3.6小时里，计划停水和应急停水各占多少小时？" gives a total and asks for its parts: an answer
        whose every figure in the unit asked is one the question gave (全市户均停水时间为3.6小时) tells the user
        nothing new, so it is a refusal, with the quoted paragraphs to check."""
        if (ans.abstained or "number" not in intent.wants or not intent.numbers or not intent.unit
                or intent.table or any(c.chunk_id.startswith("table.") for c in ans.citations)):
            return ans  # (案例6是几个单位报送的: the 6 names a row, and the row answers)
        given = {n for n in intent.numbers if not (len(n) == 2 and re.search(rf"(?<!\d){n}\s*年", q))}  # (23年: a year)
        quoted = "".join(c.quote for c in ans.citations)
        if not given or any(not set(_amounts(f)) & given for f in _unit_figures(intent.unit, quoted)):
            return ans
        related = tuple(dict((c.chunk_id, Related(c.chunk_id, c.case, c.case_title, c.unit, c.section, c.text, 0.0))
                             for c in ans.citations).values())
        return self._refuse(q, intent, related, topic=ans.topic, note=ans.context_note,
                            missing=("问题所给数字之外的具体数字",))

    def _by_parts(self, whole: Answer, parts: list[str], prev: Answer | None, filt: list[int] | None,
                  asked: Sequence[str] = (), inherit: bool = False) -> Answer:
        """A question of several questions ("累计放款多少？利率是多少？"): answer the parts the cases answer and
        say which parts they don't. Each part after the first may lean on the one before, as a follow-up.
        With ``inherit``, a part that names no case is about the one case the parts before it name
        (个体深信贷最长贷多久？还款期限怎么定的？ asks both about 个体深信贷), not about whatever else its words
        match; a later part's name does not reach back (…药店…？又有多少家企业在交易平台…？)."""
        subs: list[Answer] = []
        own: list[bool] = []  # the part names the case it is answered from (电子保函…？个体深信贷…？)
        chain = prev
        for k, part in enumerate(parts):
            pi = self._intent(part)
            before = self._named_cases("".join(parts[:k])) if inherit and k else []
            own_name = bool(self._named_cases(part) or PART_NAMES_CASE.search(part))
            left = len(before) == 1 and not own_name and bool(self._elsewhere_words(part, before[0]))
            if left:
                before = []  # (…？破产保护综合服务平台又是哪家机构建的？ is about the case that writes 破产)
            a = self._answer(part, pi, chain, filt or (before if len(before) == 1 and not own_name else None))
            if (k and subs[-1].abstained and not a.abstained and not own_name
                    and any(m.startswith(("关于", "“")) for m in subs[-1].missing)
                    and len(self._specific_words(part)) < 4):
                # the part before asked of something no case covers (企业开办, 深圳市总工会): a part that leans
                # on it (…？有没有全程网办？) is about that too, whatever other case its few words match
                a = self._refuse(part, pi, a.related, missing=subs[-1].missing)
            subs.append(a)
            # (…or stands on its own: no pronoun, and says what it is about in several words of its own)
            own.append(bool(a.cases) and (set(a.cases) <= set(self._named_cases(part))
                                          or bool(PART_NAMES_CASE.search(part)) or left
                                          or (not pi.followup_cue and not a.context_note
                                              and len(self._specific_words(part)) >= 4)))
            chain = a  # "杭州的…多少家？深圳的呢？": even a refused part tells what the next one is about
        refused = [(k, a) for k, a in enumerate(subs) if a.abstained]
        answered = [a for a in subs if not a.abstained]
        if not whole.abstained:
            # a part answered by a sentence of the same case that the whole answer left out (审结多少件？平均
            # 审理周期多长？) adds that sentence: each question of the several gets its own quote
            have = {sid for _, sid in whole.items}
            # …and so does a part about another case that it names itself: one answer for each question
            # (a part about a case the whole left out adds that case whatever it asks: 仲裁院参加了什么会？)
            extra = [a for a, named in zip(subs, own, strict=True) if not a.abstained and a.items
                     and (set(a.cases) <= set(whole.cases) or named)
                     and not {sid for _, sid in a.items} <= have and a.intent is not None
                     and not a.intent.table
                     and not any(c.chunk_id.startswith("table.") for c in (*whole.citations, *a.citations))
                     and ((named and not set(a.cases) & set(whole.cases))
                          or (a.intent.wants & FACT_WANTS and _part_adds(a, whole)))]
            if extra:
                # a part about another case puts the lines in the order the parts ask them
                other = any(not set(a.cases) <= set(whole.cases) for a in extra)
                whole = self._merge(whole, [*extra, whole] if other else [whole, *extra], ())
        if whole.abstained and answered and not refused:
            # every part answered on its own though the whole was not (…有多少家？…收了多少件？两个一起说下。)
            return self._merge(whole, self._distinct(answered), ())
        if not refused or not answered:
            return whole
        def part_missing(k: int, a: Answer) -> str:
            return _part_missing(k, a.missing, asked[k] if k < len(asked) else "")

        missing = tuple(part_missing(k, a) for k, a in refused)
        if not whole.abstained:
            # the whole question was answered; a part the cases lack is named only when a hard constraint
            # (a year, a place, an unstated figure…) shows it, so the answer does not claim more than it has
            # …and a part that asks for a named thing (服务户数) is not called missing when the answer's quotes
            # already speak of it (累计服务个体工商户…户): the part alone is judged more strictly than the whole
            quoted = "".join(c.quote for c in whole.citations)
            hard = tuple(part_missing(k, a) for k, a in refused if a.missing and not (
                k < len(asked) and any(len(t) >= 2 and t in quoted for t in self.tokenize(asked[k]))))
            if not hard:
                return whole
            text = whole.text + "\n案例材料中没有找到：" + "；".join(hard) + "。"
            return replace(whole, text=text, missing=(*whole.missing, *hard))
        return self._merge(whole, self._distinct(answered), missing)

    def _elsewhere_words(self, part: str, case_no: int) -> list[str]:
        """The words of a question's later part that the case the parts before it name never writes, and that name
        one or two other cases (破产, in case 8's title, of "破产保护综合服务平台又是哪家机构建的" after a question
        about case 2): such a part is about another case. Other words (期限, 最高, 不良率) leave the part with the
        case named before, where it is refused if that case does not say."""
        own = self._case_text[case_no]
        return [w for w in self._specific_words(part) if w not in own and w not in self._compilation_words
                and any(w in self._identity[c] for c in self._identity if c != case_no)
                and 1 <= sum(w in text for c, text in self._case_text.items() if c != case_no) <= 2]

    @staticmethod
    def _distinct(answers: list[Answer]) -> list[Answer]:
        """The answers that quote something the ones before them did not ("两个一起说下" repeats a part)."""
        out: list[Answer] = []
        seen: set[str] = set()
        for a in answers:
            ids = {sid for _, sid in a.items}
            if ids and ids <= seen:
                continue
            seen |= ids
            out.append(a)
        return out

    def _merge(self, whole: Answer, answered: list[Answer], missing: tuple[str, ...]) -> Answer:
        """One answer from the answered parts of a question: one line per case however many parts quote it,
        a passage quoted by an earlier part not quoted again, markers renumbered in reading order, notes of
        the parts' own chaining dropped, and the parts the cases don't cover named at the end."""
        lines: list[list[str]] = []  # [label, body]
        citations: list[Citation] = []
        for a in answered:
            body = a.text.split("\n")
            if a.context_note and body and body[0] == a.context_note:
                body = body[1:]
            by_n = {c.n: c for c in a.citations}
            for line in body:
                label, sep, rest = line.partition("：")
                label, rest = (label + sep, rest) if sep else ("", line)
                pieces = MARKER_SPLIT.split(rest)
                kept = ""
                for quote, marker in zip(pieces[0::2], pieces[1::2], strict=False):
                    c = by_n.get(int(marker[1:-1]))
                    if c is not None:
                        rest_of = self._trimmed(c, [o for o in citations if o.chunk_id == c.chunk_id])
                        if rest_of is None:
                            continue  # this passage is quoted already (two parts found the same sentence)
                        if quote == c.quote:  # one that begins or ends with quoted sentences keeps only the rest
                            c, quote = rest_of, rest_of.quote
                        citations.append(replace(c, n=-len(citations) - 1))  # a placeholder number, see below
                        marker = f"[{-len(citations)}]"
                    kept += quote + marker
                kept += pieces[-1] if len(pieces) % 2 else ""
                if not kept.strip():
                    continue
                same = next((row for row in lines if label and row[0] == label), None)
                if same is not None:
                    same[1] += kept  # the same case again: one line, its quotes in order of the parts
                else:
                    lines.append([label, kept])
        text = "\n".join(([whole.context_note] if whole.context_note else []) + [a + b for a, b in lines])
        # markers numbered as the reader meets them
        order: dict[int, int] = {}
        for m in re.finditer(r"\[(-\d+)\]", text):
            order.setdefault(int(m.group(1)), len(order) + 1)
        text = re.sub(r"\[(-\d+)\]", lambda m: f"[{order[int(m.group(1))]}]", text)
        citations = sorted((replace(c, n=order[c.n]) for c in citations if c.n in order), key=lambda c: c.n)
        if missing:
            text += "\n案例材料中没有找到：" + "；".join(missing) + "。"
        cited = {c.chunk_id for c in citations}
        related = tuple(r for a in (whole, *answered) for r in a.related if r.chunk_id not in cited)
        first = answered[0]
        return Answer(whole.question, text, False, tuple(citations), tuple(dict.fromkeys(related))[:3],
                      whole.context_note, missing, tuple(dict.fromkeys(c for a in answered for c in a.cases)),
                      whole.topic, tuple(dict.fromkeys(i for a in answered for i in a.items)), first.intent)

    @staticmethod
    def _trimmed(c: Citation, quoted: list[Citation]) -> Citation | None:
        """``c`` without the head or tail that overlaps passages of the same paragraph quoted already (None
        when nothing is left): sentences tile a paragraph, so what remains is whole sentences."""
        start, end = c.start, c.end
        for o in quoted:
            if o.start <= start < o.end:
                start = o.end
            if o.start < end <= o.end:
                end = o.start
        while start < end and c.text[start].isspace():
            start += 1
        while end > start and c.text[end - 1].isspace():
            end -= 1
        if end - start < 2:
            return None
        return replace(c, start=start, end=end, quote=c.text[start:end])

    def _previous(self, history: Sequence[Answer | str] | None, cases: Sequence[int] | None) -> Answer | None:
        prev: Answer | None = None
        for h in history or ():
            if isinstance(h, Answer):
                prev = h
            elif isinstance(h, str) and h.strip():
                try:
                    q, _ = check_question(h)
                except ValueError:
                    continue
                prev = self._answer(q, self._intent(q), prev, list(cases) if cases else None)
        return prev

    def _intent(self, q: str) -> Intent:
        # 啥 / 咋 are spoken 什么 / 怎么: the question asks what it would ask in writing (retrieval reads it as typed)
        q = COLLOQUIAL.sub(lambda m: COLLOQUIAL_WORDS[m.group(0)], q)
        words = [w for w in self.index.tokenize.words(q) if w.strip()]  # jieba's words, read once per question
        intent = replace(read_intent(q), areas=topic_areas(q, words))
        if not intent.english and (unknown := self._unknown_places(q)):
            intent = replace(intent, places=tuple(dict.fromkeys([*intent.places, *unknown])))
        if intent.english:
            intent = replace(intent, spelled=tuple(self._pinyin.names(q)))
        if "date" in intent.wants and "number" not in intent.wants:
            return replace(intent, tokens=tuple(self.tokenize(q)), counted=self._counted(words, DATE_CUE_WORDS))
        if "rank" in intent.wants:
            # (an English question ranks its content words, less the place: Shenzhen's platform → platform)
            ranked = tuple(w for w in latin_words(q) if w not in ("shenzhen", "rank", "ranking", "ranked")
                           ) if intent.english else self._ranked(q)
            return replace(intent, tokens=tuple(self.tokenize(q)), counted=ranked)
        if "number" not in intent.wants:
            return replace(intent, tokens=tuple(self.tokenize(q)))
        if intent.english:
            # "how much did it cost", "the annual budget": a sum of money, told in 元 / 万元 / 亿元
            # …and "the loan rate", "what share": a rate, told in per cent (or 成, 折)
            # ("how much below market price" asks for a discount, not a sum)
            unit = "%" if EN_RATE.search(q) or EN_DISCOUNT.search(q) else "钱" if EN_MONEY.search(q) else ""
            counted = english_counted(q)
            if not unit and counted:  # how many companies: a figure of 家, not 77条
                # (the noun counted, before the verb that may follow it: how many staff work in…)
                unit = next((u for w in reversed(counted) for u, nouns in EN_COUNT_UNITS.items() if w in nouns), "")
                if counted[-1] == "cases" and len(counted) >= 2:
                    unit = "件"  # how many arbitration cases (a bare "cases" may be the compilation's)
            return replace(intent, tokens=tuple(self.tokenize(q)), counted=counted, unit=unit)
        asked = _asked_words(words)
        counted = self._counted(asked)
        unit = self._measure_word(q, asked)
        if not unit and any(w.endswith("率") and w != "效率" for w in counted):
            unit = "%"  # 报错率，具体降到了多少: a rate is told in per cent (or 成, 折)
        return replace(intent, tokens=tuple(self.tokenize(q)), unit=unit, counted=counted)

    def _respelled(self, q: str) -> str:
        """``q`` with each quoted name or title as the source spells it (see ``_source_spelling``), so that every
        reading of the question (what it quotes, what it counts, what it searches for) uses the source's form."""
        return QUOTED_TERM.sub(lambda m: m.group(1) + self._source_spelling(m.group(2)) + m.group(3), q)

    def _source_spelling(self, term: str) -> str:
        """A quoted term as the source spells it, when they differ only in dashes or spaces
        (a user types “@深圳—民意速办”, the PDF text has “@深圳一民意速办”)."""
        flat = term.replace(" ", "")
        if flat in self._flat_text:
            return flat
        parts = [DASHES.sub("", part) for part in DASHES.split(flat)]
        pattern = "[—–‒―\\-－~～一]".join(map(re.escape, parts))
        m = re.search(pattern, self._flat_text) if len(parts) > 1 else None
        if not m and "·" not in flat and len(flat) >= 2:
            # …or in a middle dot the user left out (“企航” for “企·航”)
            m = re.search("·?".join(map(re.escape, flat)), self._flat_text)
        if not m and len(flat) >= 6:
            # …or in the near-synonym kind a user misremembers a title by (《…数据合规指南》 for 《…数据合规指引》)
            for a, b in DOC_KIND_TWINS:
                if flat.endswith(a) and (twin := flat[: -len(a)] + b) in self._flat_text:
                    return twin
        return m.group(0) if m else term

    def _counted(self, words: list[str], cues: tuple[str, ...] | None = None) -> tuple[str, ...]:
        """What a 多少 question counts: the content word just before the cue and the one after its measure word
        (累计放款多少 → 放款; 接入了多少家金融机构 → 接入, 金融机构), from the question's jieba ``words``."""
        out: list[str] = []
        for i, w in enumerate(words):
            # jieba cuts 哪个月 into 哪个 | 月: the cue is both words
            split_cue = cues is not None and w in ("哪个", "哪一个") and words[i + 1: i + 2] in (["月"], ["年"], ["天"])
            # …and 哪年出的 into 哪 | 年, 从哪天起 into 哪 | 天起
            split_cue = split_cue or (cues is not None and w == "哪" and words[i + 1: i + 2] != []
                                      and words[i + 1][:1] in "年天月日")
            # …and 有多大 into 多 | 大
            split_cue = split_cue or (cues is None and w == "多" and words[i + 1: i + 2] in (["大"], ["高"]))
            if not (w.startswith(cues or NUMBER_CUE_WORDS) or split_cue):
                continue
            head = words[:i]
            if "比" in head:  # 停水次数比上一年少了多少: what follows 比 is the baseline, not the thing counted
                head = head[: len(head) - 1 - head[::-1].index("比")]
            before = [x for x in head if _content_word(x)]
            after = [x for x in words[i + 1 + split_cue:] if _content_word(x) and x not in MEASURE_WORDS
                     and x not in TIME_WORDS and not (cues is not None and (x in EVENT_MANNER or x in ("年", "月", "天", "日")))]
            # 比上一年少了多少: a change word (少了, 增加) says how it moved, not what is counted
            # …and 每笔 / 每户 says per what, not what (平均每笔多少钱 counts an average amount)
            # (…and so do a bare 到 / 至 and a span it moved in: 一年里从多少家涨到多少家 counts neither 一年 nor 到)
            # (…and so does one jieba glued to 各 or 分别: 停水次数各降了多少 counts 次数)
            before = [x for x in before if not CHANGE_WORD.fullmatch(re.sub(r"^(?:各|分别)", "", x)) and not PER_WORD.fullmatch(x)
                      and x not in ("到", "至") and not SPAN_WORD.fullmatch(x) and x not in TIME_ADVERBS]
            after = [x for x in after if not CHANGE_WORD.fullmatch(x) and x not in ("到", "至")]
            # 协会有多少会员: what comes before 有 owns what is counted, it is not counted itself
            owner = next((x for x in reversed(head) if x.strip() and x != "了"), "") in POSSESSIVE_VERBS
            noun_after = [x for x in after[:1] if _counted_core(x)]
            if before and cues is None and not (owner and after):
                out.append(before[-1])  # for dates the event is the word after the cue (什么时候 → 上线)
                if len(_counted_core(before[-1])) == 1 and len(before) >= 2 and not noun_after:
                    out.append(before[-2])  # a one-character verb (租金能打几折) leans on the noun before it
            # the counted noun is the next word; an event may take two (开始建设, 全面上线)
            for x in after[: 1 if cues is None else 2]:
                if re.match(r"[，。？！,?!；;]", x):
                    break
                out.append(x)
        # (a word of the text keeps its measure-word head: 项目 is no 目)
        cores = (w if len(w) >= 2 and w in self._vocabulary and w[:1] in MEASURE_WORDS else _counted_core(w)
                 for w in out)
        # (…and a change word glued to its measure word, 家涨, says how it moved once the 家 goes)
        return tuple(dict.fromkeys(w for w in cores if w and w not in ASK_FILLERS and not CHANGE_WORD.fullmatch(w)))

    def _ranked(self, q: str) -> tuple[str, ...]:
        """What a 排第几 question ranks: its content words before the cue, less places and scopes
        (深圳的营商环境在全国排第几 → 深圳, 营商, 环境); a rank sentence must hold most of them, since a rank
        of something else (数据交易规模…位列全国第一) does not answer it."""
        head = re.split(r"排|位列|第几名|名列", q)[0]
        words = [w for w in self.index.tokenize.words(head) if _content_word(w)]
        return tuple(w for w in words if w not in PLACES and not re.fullmatch(r"全(国|省|市|球)|[在是的]", w))

    def _measure_word(self, q: str, words: list[str]) -> str:
        """The measure word a 多少/几 question counts in (多少天 → 天), from jieba's ``words`` so 多少项目 is not 项."""
        if re.search(r"倍", q):  # 翻了几倍, 百分比或倍数的变化: a multiple, or a change in per cent
            return "倍"
        if re.search(r"百分之|百分点|(?:多少|几)个点|比例|比率|占比|占了?(?:多少|几成)(?![天年月小时分钟家户笔人名位次件项个条元亿万])|percent|(?<!效)率[^，。？！?,]{0,6}?(?:多少|几)", q):
            # 利率是多少, 报错率降到多少, 在药店购药的占多少: a share
            return "%"
        if MONEY_ASKED.search(q):
            return "钱"  # 保费是多少 / 租金要多少: a sum of money, whatever other figures stand near the word
        for i, w in enumerate(words):
            for cue in ("多少", "几"):
                if cue in w:  # 多少天, 几 | 家, and jieba's 打几折
                    rest = w[w.index(cue) + len(cue):] or (words[i + 1] if i + 1 < len(words) else "")
                    following = words[i + 1] if w.endswith("个") and i + 1 < len(words) else ""
                    if following in ("小时", "工作日", "月"):  # 几个小时 counts hours, 几个月 months
                        return following if following != "月" else "个月"
                    # (…but 多少项目 counts 项目, a word of the text, not 项)
                    rest = rest[:1] if (rest[1:] and rest[:1] in MEASURE_WORDS and rest not in MEASURE_WORDS
                                        and rest not in self._vocabulary) else rest
                    if rest in MEASURE_WORDS:  # (…and jieba's 家能 of 多少家能 is 家)
                        return rest
                    if rest in NOUN_UNITS:  # 多少案件 counts in 件 as 多少件案件 does
                        return NOUN_UNITS[rest]
                    # …and so does 多少(商事)仲裁案件: a word or two may say which kind before the noun
                    if not w.endswith(cue):
                        continue
                    for j in (i + 2, i + 3):
                        kinds = words[i + 1: j]
                        if j < len(words) and all(re.fullmatch(r"[\u4e00-\u9fff]+", k) and k not in NOUN_UNITS
                                                  for k in kinds) and words[j] in NOUN_UNITS:
                            return NOUN_UNITS[words[j]]
        return ""

    # ------------------------------------------------------------ routing

    def _answer(self, q: str, intent: Intent, prev: Answer | None, filt: list[int] | None) -> Answer:
        followup = prev is not None and self._is_followup(q, intent, prev)
        if (prev is not None and not followup and not prev.abstained and SAME_ASK.search(q)
                and not (intent.wants or intent.section or intent.table)):
            # "案例八呢？" after "这个案例的背景是什么？": the same ask about another case
            intent = replace(intent, wants=prev.intent.wants, section=prev.intent.section)
        ans = self._route(q, intent, prev if followup else None, filt)
        if followup and prev is not None and not ans.abstained:
            earlier = [*prev.said, *(sid for _, sid in prev.items)]
            ans = replace(ans, said=tuple(dict.fromkeys(earlier)))
        return ans

    def _route(self, q: str, intent: Intent, prev: Answer | None, filt: list[int] | None) -> Answer:
        """Dispatch a question: follow-up (``prev`` given), index table, cross-case, or single case."""
        if OTHER_CASES.search(q) and not filt and (elsewhere := self._elsewhere(q)):
            # "市发改委除了自己报送的案例，还在别的案例里出现过吗": the other cases that write the body's name
            if not elsewhere[1]:  # …none: say so, with the body's own case to check
                return self._refuse(q, intent, self._related(self.searcher.search(q, k=3)),
                                    missing=(f"{elsewhere[0][0]}在其他案例中的内容",))
            # …and its own case first, where it names itself, so the answer sets one beside the other
            own = self._named_cases(q)
            return self._cross(q, replace(intent, cross_case=True, table=False, count_cases=False), q, [],
                               (elsewhere[0], sorted({*own, *elsewhere[1]})))
        if (intent.table or intent.count_cases or intent.cross_case) and (pattern := unit_pattern(q)):
            # "有几个案例是“市××局”报送的？": the index rows whose unit fits the pattern
            return self._table(q, replace(intent, table=True, count_cases=False, all_rows=False, position=0,
                                          case_refs=tuple(n for n, units in self._units.items()
                                                          if any(pattern.fullmatch(u) for u in units)) or (0,)))
        if intent.count_cases and re.search(r"报送|提交|报了", q) and (units := self._named_cases(q)):
            # "市前海管理局报送了几个案例？": the index rows of that unit
            return self._table(q, replace(intent, table=True, count_cases=False, all_rows=False, position=0,
                                          case_refs=tuple(units)))
        if intent.count_cases and not intent.position and self._topical(q):  # (…排最后的是哪家: the table)
            # "有几个案例都提到了信用？" counts the cases about something: a cross-case question
            intent = replace(intent, table=False, count_cases=False, cross_case=True)
        followup = prev is not None
        note = ""
        # names an English question spells in pinyin help find the case; they do not choose its sentence
        topic = " ".join((q, *intent.spelled))
        lex_extra = ""
        if followup and prev is not None:
            filt = list(prev.cases) or filt
            note = "（接上文：" + "、".join(case_label(self.corpus.case(c)) for c in prev.cases) + "）" if prev.cases else ""
            ordinal = ORDINAL.search(q)
            if ordinal and prev.items:
                return self._ordinal(q, intent, prev, ordinal, note)
            if not (intent.wants or intent.section or intent.table or OWN_ASK.search(q)):
                # (…unless it asks a question of its own: "How is it structured?" after a when-question asks
                # how, not when)
                intent = replace(intent, wants=prev.intent.wants, section=prev.intent.section)
            # "哪位统战部部长带队的？叫什么名字？" / "哪几家试点银行？银行名字呢？": the name asked for is that of the
            # office holder or the firm just spoken of, and must be given as such
            # (能列一下名字吗 / 说下名字: a request to tell, not a new topic)
            rest = [t for t in self._specific_words(q) if t not in ("名字", "名称", "姓名", prev.intent.firm)
                    and not re.fullmatch(r"(能|可以|请)?(列|说|讲|告诉|给|报)(一下|下|出|出来)?", t)]
            if prev.intent.person and not intent.title and (intent.person or ("name" in intent.wants and not rest)):
                intent = replace(intent, person=True, title=prev.intent.title)
            if prev.intent.firm and not intent.firm and "name" in intent.wants and not rest:
                # (…and the firms that one already named are still no answer)
                intent = replace(intent, firm=prev.intent.firm, text=prev.intent.text + intent.text)
            if intent.table and prev.cases:
                return self._table(q, replace(intent, case_refs=prev.cases), note=note, topic=prev.topic)
            topic = f"{prev.topic} {q}"
            lex_extra = prev.topic
            said = {sid for _, sid in prev.items} | set(prev.said)
            exclude = said if MORE.search(q) else set()
            if not intent.cross_case:
                ans = self._single(q, intent, topic, filt, note, lex_extra, exclude, said)
                # words the follow-up brings that the last turn did not have (它在联合国贸法会那边是什么身份？)
                # must be spoken of: if the answer found with the last topic does not, search by them alone
                said_text = "".join(x.text for _, sid in prev.items if (x := self._sentence(sid)))
                new = [t for t in self._specific_words(q) if t not in SECTION_WORDS
                       and t not in self._all_identity and t not in said_text and t not in prev.topic
                       and any(t in self._case_text[c] for c in prev.cases)]
                new = [t for t in new if not any(t != u and t in u for u in new)]  # 联合国, not also 联合
                quoted = "".join(c.quote for c in ans.citations)
                if new and not any(t in quoted for t in new):
                    own = self._single(q, intent, q, filt, note, "", exclude, said)
                    if not own.abstained and any(t in "".join(c.quote for c in own.citations) for t in new):
                        return own
                return ans
        if intent.case_refs and not filt and not intent.table:
            if len(intent.case_refs) >= 2 and (intent.cross_case or re.search(r"(和|与|跟|及|、|以及)", q)):
                # "对比一下案例三和案例六…": one line per named case
                return self._cross(q, replace(intent, cross_case=True), topic, list(intent.case_refs))
            filt = list(intent.case_refs)
        if intent.table:
            return self._table(q, intent)
        if intent.every_case and not filt:
            return self._cross(q, intent, topic, [c.number for c in self.corpus.cases])
        named = self._named_cases(q)
        if len(named) < 2 and not filt:
            named = self._pair_cases(q) or named
        if not filt and not intent.cross_case and "list" in intent.wants and len(self._quoted_cases(intent)) >= 2:
            # 哪些项目称自己是“全国首个”: a quoted term several cases write makes a list of those cases
            intent = replace(intent, cross_case=True)
        if intent.cross_case and not filt and len(named) == 1 and UNITS_WITHIN.search(q) and not any(
                c in q.lower() for c in CROSS_CUES if c != "哪些单位"):
            # "企航找市场 去了哪些单位": the units one named case went to, not a question across the cases
            intent, filt = replace(intent, cross_case=False), named
        if intent.cross_case and not filt:
            return self._cross(q, intent, topic, named)
        if len(named) >= 2 and not filt and re.search(r"(和|与|跟|及|、|以及)", q):
            return self._cross(q, replace(intent, cross_case=True), topic, named)
        if len(named) == 1 and not filt and intent.quoted:
            # a quoted name only one case uses (“个体深信贷”) says which case answers, whatever scores higher
            # elsewhere (额度 in another case's 授信额度)
            filt = named
        return self._single(q, intent, topic, filt, note, lex_extra, set())

    def _topical(self, q: str) -> bool:
        """Whether a question has content words beyond the compilation's own (its title, 案例, 单位…)."""
        title = self.corpus.title.replace(" ", "")
        single = {w for w in self._compilation_words if len(w) == 1}
        # (市级 is a piece of the title 深圳市级营商环境…; jieba's 共收录 holds 收录, its 共收 is 共 + 收)
        return any(t not in self._compilation_words and t not in GENERIC_WORDS and t not in FOCUS_STOP
                   and t not in OVERVIEW_WORDS and not re.fullmatch(r"[\d几多少个一]+[篇份项则]?", t) and t not in title
                   and not set(t) <= single
                   and not any(len(w) >= 2 and w in t for w in self._compilation_words) for t in self.tokenize(q))

    def _specific_words(self, q: str) -> list[str]:
        """The question's words of two or more characters that say what it is about, not how it asks."""
        return [t for t in self.tokenize(q) if len(t) >= 2 and t not in GENERIC_WORDS and t not in FOCUS_STOP
                and t not in OVERVIEW_WORDS]

    def _beyond_section(self, intent: Intent, cases: Sequence[int], form_words: bool = False) -> list[str]:
        """The question's words beyond the cases' own names and the words that only ask for a section (成效,
        怎么做): none means it asks for the section of those cases and nothing narrower. ``form_words`` also
        leaves out common words and those that only say what form the answer takes (数字, 百分比, 增减)."""
        return [t for t in intent.tokens if not any(t in self._identity.get(c, set()) for c in cases)
                and t not in OVERVIEW_WORDS and t not in SECTION_WORDS and t not in STOPWORDS
                and not re.fullmatch(r"[一二三四五六七八九十\d]+", t)
                and not (form_words and (t in GENERIC_WORDS or ANSWER_FORM.fullmatch(t)))]

    def _is_followup(self, q: str, intent: Intent, prev: Answer) -> bool:
        """A follow-up leans on the previous turn: a pronoun, an ellipsis, or too short to stand alone —
        and it names no case other than the previous one."""
        if intent.case_refs and set(intent.case_refs) - set(prev.cases):
            return False
        named = self._named_cases(q)
        if named and not set(named) & set(prev.cases):
            return False
        specific = self._specific_words(q)
        # "讲破产的那个案例…" describes the case it means: 那个 is not a pronoun for the last one, and the
        # description decides below
        described = bool(DESCRIBED_CASE.search(q))
        if named or (not described and (intent.followup_cue or len(specific) <= 1)):
            return True
        # Names no case: it continues the conversation unless on its own it clearly points to another case.
        hits = self.searcher.search(q, k=self.params.candidate_chunks)
        if not hits or hits[0].chunk.case in prev.cases:
            return True
        scored = self._scored(q, intent, hits, self.searcher.query_vector(q))
        return not (scored and self._supported(scored[0], hits, intent))

    # ------------------------------------------------------------ sentence scoring

    def _scored(
        self, q: str, intent: Intent, hits: list[Hit], qvec: np.ndarray, lex_extra: str = "", cross: bool = False,
    ) -> list[_Scored]:
        p = self.params
        q_tokens = self._weighted_tokens(q, lex_extra, identity_weight=1.0 if cross else p.identity_weight)
        total = sum(q_tokens.values()) or 1.0
        groups = self._bridge_groups(q)
        w_hit = p.w_hit_english if intent.english else p.w_hit
        seen: set[str] = set()
        out = []
        # a quoted title also goes by the short form the source defines for it (《指引》)
        quoted = [(t, *(x.strip("《》") for x in self._short_forms(t))) for t in intent.quoted]
        # (a bare 月 of 几月 or 个月 is no month asked about; an English month name always is)
        months = [*(re.findall(r"(?<!\d)(\d{1,2})\s*月", YEARLIKE.sub("", q)) if intent.years else []),
                  *(str(EN_MONTHS.index((a or b).lower()[:3]) + 1) for a, b in EN_MONTH.findall(q))]
        # figures the question gives, less years and case numbers (案例1和案例6, case 6)
        given = [n for n in intent.numbers if not re.fullmatch(r"(?:19|20)\d\d", n)
                 and not re.search(rf"(?:案例|第|case\s*)0*{re.escape(n)}(?!\d)|(?<![\d.]){re.escape(n)}\s*个?案例", q, re.I)]
        for hit in hits:
            para = self.corpus.paragraph(hit.chunk.paragraph_id)
            for s in para.sentences:
                if s.id in seen or not (hit.chunk.start <= s.start < hit.chunk.end):
                    continue
                seen.add(s.id)
                cos = float(self.index.sentence_vectors[self.index.sentence_row[s.id]] @ qvec)
                toks = self._tokens[s.id]
                lex = sum(w for t, w in q_tokens.items() if t in toks) / total
                if groups:  # an English question: overlap through the dictionary, and Latin terms as they are
                    lex = p.w_bridge * self._bridge_lex(groups, s.text) + (1 - p.w_bridge) * lex
                # fused RRF scores are nearly flat; the paragraph's rank is the usable retrieval signal
                score = p.w_cos * cos + p.w_lex * lex + w_hit / math.sqrt(hit.rank)
                score += p.w_want * self._want_bonus(intent, s.text)
                if intent.section == OUTCOME and NUMBER.search(s.text):
                    score += p.w_outcome_number  # results are best told in figures
                if intent.section and para.section_kind not in (TABLE,):
                    score += p.w_section * (1 if para.section_kind == intent.section else -1)
                if len(s.text.strip()) < 8:
                    score -= 0.1
                if SUBPOINT_TITLE.match(s.text) and intent.section != PRACTICE:
                    score -= 0.03
                flat = s.text.replace(" ", "")
                for y in intent.years:
                    score += 0.04 if y in flat else 0.0
                for month in months:  # 2023年7月: the month asked about, not another of that year
                    score += 0.04 if re.search(rf"(?<!\d){month}月", flat) else 0.0
                # a figure the question gives (the 56th session) points at the sentence that writes it
                score += p.w_quote * sum(bool(re.search(rf"(?<![\d.]){re.escape(n)}(?![\d.])", flat))
                                         for n in given)
                held = sum(any(f in s.text for f in forms) for forms in quoted)
                if held:
                    score += p.w_quote * held  # each quoted term the sentence holds counts
                    if any(re.search(re.escape(f) + r"[”\"》]?(即|是指|包括|指的是)", s.text)
                           for forms in quoted for f in forms):
                        score += p.w_quote  # the sentence that defines the quoted term
                out.append(_Scored(s, para, score, cos, lex))
        out.sort(key=lambda x: -x.score)
        return out

    def _weighted_tokens(self, q: str, extra: str = "", identity_weight: float = 1.0) -> dict[str, float]:
        """IDF weights of the question's words; words that only name a case (its title or unit) count less,
        since they tell which case, not which sentence of it, answers."""
        weights: dict[str, float] = {}
        g = self.params.idf_power
        for t in self.tokenize(extra):
            weights[t] = 0.3 * self._idf.get(t, self._max_idf) ** g
        for t in self.tokenize(q):
            if t in ASK_FILLERS:
                continue
            w = self._idf.get(t, self._max_idf) ** g
            weights[t] = w * (identity_weight if t in self._all_identity else 1.0)
            if identity_weight < 1.0 and t in self._defined_only:
                weights[t] = 0.0
        # a verb and its object split by the question (放了多少款, 开了几笔函) are one word of the text (放款, 开函)
        for verb, obj in SPLIT_WORD.findall(q):
            if (word := verb + obj) in self._idf:
                weights[word] = self._idf[word] ** g
        return weights

    def _bridge_groups(self, q: str) -> list[dict[str, float]]:
        """An English question's words as groups of Chinese corpus words (one group per English word),
        each word weighted by its dictionary tightness and rarity in the corpus."""
        bridge = self.searcher.bridge
        if bridge is None or not is_english(q):
            return []
        g = self.params.idf_power
        translated = bridge.groups(q, per_word=self.params.bridge_per_word)
        groups = [{zh: tight * self._idf.get(zh, self._max_idf) ** g for zh, tight in group.items()}
                  for group in translated]
        # names and acronyms the source itself writes in Latin letters (SCIA, DIAC) match as they are;
        # an ordinary English word is matched through its translation instead
        known = {w for w in latin_words(q) if bridge.groups(w, per_word=1)}
        groups += [{w: self._idf.get(w, self._max_idf) ** g} for w in latin_words(q)
                   if w in self._latin_vocab and w not in known]
        # and so do Chinese names inside the English question (企·航)
        groups += [{t: self._idf.get(t, self._max_idf) ** g} for t in self.tokenize(" ".join(CJK_RUN.findall(q)))]
        return groups

    @staticmethod
    def _bridge_lex(groups: list[dict[str, float]], text: str) -> float:
        """Share of an English question's words that the sentence holds a translation of.

        Each English word weighs what its commonest translation weighs (IDF): a rare, loose translation
        (agreement → 契合) neither inflates what a word is worth nor earns more when it happens to match.
        """
        low = normalize(text)
        worth = [min(gr.values()) for gr in groups]
        total = sum(worth)
        hit = sum(w for gr, w in zip(groups, worth, strict=True) if any(_holds(low, zh) for zh in gr))
        return hit / total if total else 0.0

    def _names_firm(self, text: str, kind: str, given: str = "") -> bool:
        """Whether ``text`` names a firm of ``kind`` (中国银行, 深圳市环境水务集团有限公司), not only a kind of
        firm (试点银行, 头部金融机构, 民营企业) or an abbreviation defined elsewhere — nor one the question
        itself names (``given``: 除了中国银行、招商银行，还有哪几家银行 asks for others)."""
        suffixes = ("有限公司", "股份公司", "集团", "公司") if kind in ("企业", "公司") else (kind,)
        tagged = [(w.word, w.flag) for w in self._pos().cut(text)]
        for i, (w, _) in enumerate(tagged):
            suffix = next((x for x in suffixes if w.endswith(x)), None)
            if suffix is None:
                continue
            # the name is the word itself (中国银行) or, for a bare 银行 / 有限公司, the noun before it
            # (结合银行内部模型: a verb before 银行 names nothing)
            name, flag = (w[: -len(suffix)], "n") if w != suffix else (tagged[i - 1] if i else ("", ""))
            if (re.fullmatch(r"[\u4e00-\u9fff]{2,}", name) and name not in GENERIC_FIRM_WORDS
                    and flag[:1] in ("n", "j") and not (given and name + suffix in given)):
                return True
        return bool(re.search(r"[A-Z][A-Za-z&.]+(?:\s+[A-Z][A-Za-z&.]+)*\s*(?:Co|Ltd|Inc|Bank|Group)\b", text))

    def _where_told(self, intent: Intent, chosen: list[_Scored]) -> bool:
        """False when the question asks where (在哪个城市, 设在哪里) and no chosen sentence says where."""
        occasion = not OCCASION_ASKED.search(intent.text)
        return "place" not in intent.wants or any(self._place_told(s.sentence.text, occasion) for s in chosen)

    def _place_told(self, text: str, occasion: bool = False) -> bool:
        """Whether ``text`` says where something happened: a place name just after 在 / 于 / 赴 (在维也纳参加…);
        places merely named (深圳与中东地区…合作) say nothing of where. With ``occasion``, an occasion's name
        (在…启动活动上) counts as where."""
        if SITE_TOLD.search(text) or BUILDING.search(text):
            return True
        # (在广东省涉外法治建设工作会议上 names an event, not the city or hall it was held in; it does tell where
        # something else was done, with ``occasion``: where was the guideline released)
        named_event = set() if occasion else {m.start() for m in EVENT.finditer(text) if m.group(1)}
        tagged, offset = [], 0
        for w in self._pos().cut(text):
            tagged.append((w.word, w.flag, offset))
            offset += len(w.word)
        return any(w in ("在", "于", "赴") and start not in named_event
                   and any(f == "ns" for _, f, _ in tagged[i + 1: i + 4]) for i, (w, _, start) in enumerate(tagged))

    def _pos(self) -> Any:
        """jieba's part-of-speech tagger over the index's own dictionary (made on first use)."""
        if self._posseg is None:
            import jieba.posseg

            self._posseg = jieba.posseg.POSTokenizer(self.index.tokenize.jieba)
        return self._posseg

    def _unknown_places(self, q: str) -> list[str]:
        """Districts, counties and cities the question names that no case writes (福田区, 东莞市, 番禺区): jieba's
        dictionary tags them ``ns``; the PLACES list cannot hold every district of every city. (Only names
        with an administrative ending: jieba tags 东西 and 扎堆 ``ns`` as well.)"""
        flat, tags = q.replace(" ", ""), self._pos().word_tag_tab
        out = []
        for i in range(len(flat)):
            # (past the end, flat[i + n - 1: i + n] is "", which ends no name)
            w = next((flat[i:i + n] for n in (5, 4, 3) if flat[i + n - 1: i + n] in PLACE_ENDINGS
                      and tags.get(flat[i:i + n]) == "ns"), "")
            if w and w not in self._flat_text:
                out.append(w)
        return out

    def _has_person(self, text: str) -> bool:
        """Whether a sentence names a person: a word jieba tags ``nr`` that its dictionary does not hold as a
        common word (it tags 荣获 and 公正 ``nr`` too; real names are rare or unknown to it) and that starts
        with a surname (it tags 幸福感 ``nr`` as well)."""
        freq = self.index.tokenize.jieba.FREQ
        return any(w.flag.startswith("nr") and 2 <= len(w.word) <= 4 and (freq.get(w.word) or 0) < PERSON_FREQ
                   and (w.word[0] in SURNAMES or w.word[:2] in COMPOUND_SURNAMES) for w in self._pos().cut(text))

    @staticmethod
    def _want_bonus(intent: Intent, text: str) -> float:
        bonus = 0.0
        if "number" in intent.wants:
            # a date is not an amount: "2021年8月" does not answer 多少家
            bonus += 1.0 if _has_amount(text) else -0.5
        if "date" in intent.wants:
            bonus += 1.0 if DATE.search(text) else -0.5
        if "duration" in intent.wants:
            bonus += 1.0 if DURATION.search(text) else -0.5
        if "org" in intent.wants:
            bonus += 0.5 if ORG.search(text) else 0.0
        if "name" in intent.wants:
            bonus += 0.5 if NAME.search(text) else 0.0
        if "list" in intent.wants:
            bonus += 0.5 if len(ENUM.findall(text)) >= 2 or LIST_ITEM.match(text) else 0.0
        if "rank" in intent.wants:
            bonus += 1.0 if RANK.search(text) else -0.5
        if "event" in intent.wants:
            bonus += 1.0 if EVENT.search(text) else 0.0
        if intent.doc_kinds:
            bonus += 1.0 if _names_document(intent.doc_kinds, text) else 0.0
        if "building" in intent.wants:
            bonus += 1.0 if BUILDING.search(text) else 0.0
        if "alias" in intent.wants:
            # 别名 / 又叫什么: the sentence that gives another name (又名…, 简称“…”) says it
            bonus += 2.0 if ALIAS_MARK.search(text) else 0.0
        return bonus

    # ------------------------------------------------------------ single-case answers

    def _single(
        self, q: str, intent: Intent, topic: str, filt: list[int] | None, note: str, lex_extra: str,
        exclude: set[str], said: set[str] | None = None,
    ) -> Answer:
        p = self.params
        qvec = self.searcher.query_vector(topic)
        k = p.english_chunks if intent.english else p.candidate_chunks
        hits = self.searcher.search(topic, k=k, cases=filt)
        hits = [h for h in hits if h.chunk.section_kind != TABLE] or hits
        if intent.spelled and not filt:
            # "Qianhai's plan…": a name the question spells (前海) is written by the case that answers; a passage
            # of a case that never writes it (企·航's 税费服务) answers something else, however well it scores
            spelled = self._cases_writing(intent.spelled)
            if len(spelled) < 0.8 * len(self._bare_case_text):
                hits = [h for h in hits if h.chunk.case in spelled] or hits
        if "alias" in intent.wants and hits:
            # 又叫什么 / other names: the passage that gives them (又名…, 简称…) may sit in a paragraph retrieval
            # ranked low; the best case's paragraphs with such a mark are candidates too (for scoring only)
            have = {h.chunk.id for h in hits}
            extra = [c for c in self.index.chunks if c.case == hits[0].chunk.case and c.id not in have
                     and c.section_kind != TABLE and ALIAS_MARK.search(c.text)]
            hits = hits + _as_hits(extra, first_rank=len(hits) + 1)
        scored = [s for s in self._scored(q, intent, hits, qvec, lex_extra) if s.sentence.id not in exclude]
        if said:  # a follow-up wants something new: what the last answer quoted yields to close rivals
            scored = sorted((replace(s, score=s.score - self.params.w_repeat) if s.sentence.id in said else s
                             for s in scored), key=lambda s: -s.score)
        related = self._related(hits)
        if not scored:
            return self._refuse(q, intent, related, topic=topic, note=note)
        best = scored[0]
        # the answer comes from one case: the best sentence's
        case_no = best.paragraph.case
        pool = [s for s in scored if s.paragraph.case == case_no]
        missing = self._unmet_constraints(intent, pool, case_no)
        # a body the question names (深国仲接下来打算…) is spoken of by the case that answers, or not at all
        missing += [f"{body}在这方面的内容" for body in self._bodies_named(q)
                    if not self._writes_body(case_no, body)][:1]
        # "案例八的背景呢？": a section of a case the user chose, asked for nothing more specific, is there
        # by construction; retrieval scores say nothing about it
        whole_section = bool(filt) and intent.section is not None and not self._beyond_section(intent, [case_no])
        if missing or not (whole_section or self._supported(best, hits, intent)):
            return self._refuse(q, intent, related, topic=topic, note=note, missing=tuple(missing))
        purpose = (intent.section == BACKGROUND and bool(WHY_ASKED.search(q) or PURPOSE_ASKED.search(q))
                   and self._measure_named(q, case_no))
        if purpose:
            # "为什么选市场化楼宇": the reason for one measure is told where the measure is, not in the background
            intent = replace(intent, section=None)
            pool = [s for s in self._scored(q, intent, hits, qvec, lex_extra)
                    if s.sentence.id not in exclude and s.paragraph.case == case_no] or pool
        pool = self._section_pool(q, intent, pool, case_no, qvec, lex_extra, exclude)
        pool = self._led(q, intent, pool)
        # 从哪几个方面帮企业 asks for the case's measures when it asks nothing narrower (the overview checks)
        aspects = replace(intent, section=PRACTICE) if intent.section is None and ASPECTS.search(q) else intent
        chosen = (self._overview(aspects, case_no, pool, exclude) or self._results_overview(intent, case_no, pool, lex_extra)
                  or self._select(pool, intent))
        chosen = self._month_events(q, intent, chosen, case_no, qvec, exclude)
        if purpose:
            chosen = self._with_purpose(chosen)
        if unanswered := self._unanswered_by(q, intent, pool, chosen):
            return self._refuse(q, intent, related, topic=topic, note=note, missing=(unanswered,))
        if intent.firm:
            chosen = self._with_definition(chosen)
        case = self.corpus.case(case_no)
        if intent.which_case:
            row = self._table_row(case_no)
            if row is not None:
                chosen = [_Scored(row.sentences[0], row, best.score, best.cos, best.lex), *chosen[:1]]
        return self._compose(q, intent, [(case, chosen)], related, note=note, topic=topic)

    def _measure_named(self, q: str, case_no: int) -> bool:
        """Whether a why-question names one of the case's measures: a word of it that the case's 主要做法 writes
        and its background never does (选市场化楼宇, 电子保函替代投标保证金), not the case's own name. One such word
        (打通, or 破产快审 with its 快审, the case's own measure) is too little to tell a measure from the case's
        general cause."""
        words = [t for t in self._specific_words(q) if t not in self._identity.get(case_no, set())]
        told: dict[str, set[str]] = {PRACTICE: set(), BACKGROUND: set()}
        for para in self.corpus.paragraphs:
            if para.case == case_no and para.section_kind in (PRACTICE, BACKGROUND, PREAMBLE):
                kind = PRACTICE if para.section_kind == PRACTICE else BACKGROUND
                told[kind].update(*(self._tokens[x.id] for x in para.sentences))
        only = {t for t in words if t in told[PRACTICE] and t not in told[BACKGROUND]}
        # (a word inside another of them is the same term: 快审 of 破产快审)
        return len([t for t in only if not any(t != u and t in u for u in only)]) >= 2

    def _with_purpose(self, chosen: list[_Scored]) -> list[_Scored]:
        """A measure's quote with the sentence of its paragraph that says what it is for: the sub-point title
        that names an aim ("（三）以市场化方式解决空间供给，减少行政成本。"), the lead-in of the enumeration the
        measure is an item of, the "为加快…" sentence before it, or the "有效减轻…" sentence after it."""
        best = chosen[0]
        if best.paragraph.section_kind != PRACTICE:
            return chosen
        sents = best.paragraph.sentences
        i = next((k for k, x in enumerate(sents) if x.id == best.sentence.id), None)
        if i is None:
            return chosen
        have = {c.sentence.id for c in chosen}
        extra: list[Sentence] = []
        before = sents[:i]
        if LIST_ITEM.match(best.sentence.text):
            # (the paragraph's own sub-point title, "（三）…。", is no item of it)
            start = 1 if SUBPOINT_TITLE.match(sents[0].text) else 0
            first = next((k for k, x in enumerate(before) if k >= start and LIST_ITEM.match(x.text)), i)
            if first > 0:
                extra.append(sents[first - 1])  # the enumeration's lead-in: "…进一步优化服务，减少用户停水时间。"
        elif before and PURPOSE_LEAD.match(before[-1].text):
            extra.append(before[-1])
        elif i + 1 < len(sents) and PURPOSE_TOLD.search(sents[i + 1].text):
            extra.append(sents[i + 1])
        if sents[0] not in extra and i > 0 and SUBPOINT_TITLE.match(sents[0].text) and "，" in sents[0].text:
            extra.append(sents[0])
        size = sum(len(c.sentence.text) for c in chosen)
        out = list(chosen)
        for x in extra:
            if x.id not in have and size + len(x.text) <= self.params.max_chars * 2:
                out.append(_Scored(x, best.paragraph, best.score, best.cos, best.lex))
                size += len(x.text)
        out.sort(key=lambda c: c.sentence.start)
        return out

    def _unanswered_by(self, q: str, intent: Intent, pool: list[_Scored], chosen: list[_Scored]) -> str:
        """What the question asks that the composed answer (``chosen``, led by ``pool[0]``) does not give, though
        the case passed the checks of ``_unmet_constraints`` on sentences further down: "" when it gives it all."""
        # 什么时候上线的 / On exactly what date…: an answer that quotes no date (no day, when the day is asked;
        # none in the year asked, when a year is) does not say when
        if "date" in intent.wants and not any((DAY if intent.day else DATE).search(s.sentence.text)
                                              and all(y in s.sentence.text for y in intent.years) for s in chosen):
            return "问题所问的时间"
        # 在哪个城市签的 / where was it held: nor does an answer that names no place where it happened
        if not self._where_told(intent, chosen):
            return "问题所问的地点"
        # 那一场来了多少家企业: the answer must lead with a figure in the unit asked; one further down the case
        # (80 多家, 400 余家) counts something else
        if ("number" in intent.wants and intent.unit and len(re.findall(r"多少|几", q)) == 1
                and not _unit_figures(intent.unit, pool[0].sentence.text)):
            return "问题所问的具体数字"
        # "how many compounds still have a single water source": an answer to a figure question alone that
        # quotes no figure at all (一是建设小区供水双水源…) does not give it
        if (intent.wants == frozenset({"number"}) and not intent.section and chosen
                and re.search(r"多少|几|how (?:many|much)", intent.text.lower())  # (规模…算啥水平: 位列全国第一 tells)
                and not any(_amounts(s.sentence.text) or (NUMBER if "几大" in q else COUNT).search(s.sentence.text)
                            for s in chosen)):  # (有几大板块 is answered by 三大板块)
            return "问题所问的具体数字"
        # 深圳每年有多少家中小企业倒闭: a figure for the whole country (我国…每年近100万家) is not the city's
        if ("number" in intent.wants and chosen and any(h in intent.text for h in self._home)
                and NATIONAL.match(chosen[0].sentence.text) and not any(h in chosen[0].sentence.text for h in self._home)):
            return "问题所问地方的具体数字"
        # 2022年结算了多少人次: a figure its own sentence dates to another year (2023年5月至12月…30.78万人次)
        # is not that year's
        if ("number" in intent.wants and len(intent.years) == 1 and chosen
                and (years := set(re.findall(r"((?:19|20)\d{2})\s*年", chosen[0].sentence.text)))
                and intent.years[0] not in years and not any(intent.years[0] in s.sentence.text for s in chosen)):
            return "问题所问年份的具体数字"
        return ""

    def _led(self, q: str, intent: Intent, pool: list[_Scored]) -> list[_Scored]:
        """``pool`` with a close sentence that gives what the question asks for (a figure in the unit asked,
        a date of the event asked, a cause, a titled document, an occasion) ahead of the best one."""
        if "number" in intent.wants:
            # a 多少 question is answered by a figure: a close sentence that gives one goes first
            pool = self._lead_with(pool, lambda t: bool(_amounts(t)), self.params.number_switch_margin)
            if intent.unit:  # …and one counted in the unit asked for (几折 → "7 折") before other figures
                pool = self._lead_with(pool, lambda t: bool(_unit_figures(intent.unit, t)),
                                       self.params.unit_switch_margin)
                unit = _unit_figure(intent.unit)
                # …and one that counts the very thing asked (多少件简易破产案件 → "审结简易破产案件584件") before
                # figures in that unit for something else (审结破产申请案件1861件)
                thing = re.search(r"(?:多少|几)\s*" + re.escape(intent.unit) + r"([\u4e00-\u9fff]{2,12})", q)
                if thing:
                    name = re.sub(r"(了|呢|吗|啊)+$", "", thing.group(1))
                    pool = self._lead_with(pool, lambda t: name in t.replace(" ", "") and bool(unit.search(t)),
                                           self.params.unit_switch_margin)
        if "number" in intent.wants and FROM_TO_ASKED.search(q):
            # 从多少家涨到多少家: a close sentence that tells a change from one figure to another (由2022年底的143家
            # 增加至1018家) before one that only counts
            pool = self._lead_with(pool, lambda t: bool(FROM_TO_TOLD.search(t)), self.params.unit_switch_margin)
        if "duration" in intent.wants and len(english_parts(q) if intent.english else sub_questions(q)) < 2:
            # how quickly / 多久: a close sentence that gives a span (最快 5 分钟) first (a question of several
            # parts leads with it in its own part, not over the sentence the other parts need)
            pool = self._lead_with(pool, lambda t: bool(DURATION.search(t)), self.params.date_switch_margin)
        if "date" in intent.wants:
            # a 什么时候 / 哪天 question is answered by a date, about the event asked for (发布, 实施…)
            when = DAY if intent.day else DATE
            # (a cut-off, 截至2023年12月底, and a period, 2023年5月至12月, date no event that began)
            cutoff = bool(CUTOFF_ASKED.search(intent.text))
            def dates(t: str) -> str:
                return t if cutoff else DATE_SPAN.sub("", CUTOFF_DATE.sub("", t))

            def about(t: str) -> bool:
                return not intent.counted or any(w in t for w in intent.counted)

            pool = self._lead_with(pool, lambda t: bool(when.search(dates(t))), self.params.date_switch_margin, about)
            # …and one dated to the month before a bare year, which is more often a baseline (由2022年底的143家)
            if not intent.day:
                pool = self._lead_with(pool, lambda t: bool(MONTH_DATE.search(dates(t))),
                                       self.params.date_switch_margin, about)
            # …however far down, a dated sentence that names both the event and the thing the question names
            # (《指引》, the short form of the title asked about) answers it
            forms = {f for t in intent.quoted if t in self._flat_text for f in (t, *self._short_forms(t))}
            if forms and intent.counted:
                pool = self._lead_with(pool[:8], lambda t: bool(when.search(t)), math.inf, lambda t: any(
                    w in t for w in intent.counted) and any(f in t.replace(" ", "") for f in forms)) + pool[8:]
        if intent.section == BACKGROUND and WHY_ASKED.search(q):
            # 为什么 / why: a close sentence that gives a cause (由于…导致…) before one that names the response
            pool = self._lead_with(pool, lambda t: bool(CAUSE.search(t)), self.params.number_switch_margin)
        if "building" in intent.wants:  # 哪一栋楼: a close sentence that names a building (…大厦) goes first
            # (…by its fullest name among the close ones: 前海国际税务师大厦, not a later 国际税务师大厦)
            margin = self.params.date_switch_margin
            names = [m.group(0) for s in pool[:8] if s.score >= pool[0].score - margin
                     for m in BUILDING.finditer(s.sentence.text)] if pool else []
            full = max(names, key=len, default="")
            pool = self._lead_with(pool, lambda t: bool(full) and full in t, margin)
        if "place" in intent.wants:  # 设在哪里: a close sentence that says where goes first
            pool = self._lead_with(pool, self._place_told, self.params.date_switch_margin)
        if (m := LIST_MEASURE.search(q)) and "list" in intent.wants:
            # 分了哪几章: a close sentence that counts in that measure (共分为六章…包括：…) lists them
            counted_in = re.compile(rf"[一二两三四五六七八九十百\d]+\s*{m.group(1)}")
            pool = self._lead_with(pool, lambda t: bool(counted_in.search(t)), self.params.unit_switch_margin)
        dated = "date" in intent.wants and pool and (DAY if intent.day else DATE).search(pool[0].sentence.text)
        if intent.doc_kinds and not dated:  # 哪份指引 / 什么办法: a close sentence that names such a document goes
            # first (…unless it has already yielded to the date asked: 指引是哪天发布的)
            pool = self._lead_with(pool, lambda t: _names_document(intent.doc_kinds, t), self.params.date_switch_margin)
        if "event" in intent.wants:  # 在什么活动上 / at which event: the sentence that names an occasion, as for a date
            pool = self._lead_with(pool, lambda t: bool(EVENT.search(t)), self.params.date_switch_margin)
        if intent.places and not intent.places_any:
            # 跟新加坡签了什么: a close sentence that names the place asked about goes first
            pool = self._lead_with(pool, lambda t: all(x in t for x in intent.places), self.params.date_switch_margin)
        if intent.firm and not intent.firm_described and not intent.numbers:
            # 哪些大学 / 哪家银行: a close sentence that names one (吉林大学, 中国银行) goes first; where the firm
            # must be named was checked on the best few sentences
            pool = self._lead_with(pool, lambda t: self._names_firm(t, intent.firm), self.params.date_switch_margin)
        return pool

    @staticmethod
    def _lead_with(
        pool: list[_Scored], gives: Callable[[str], bool], margin: float,
        about: Callable[[str], bool] = lambda t: True,
    ) -> list[_Scored]:
        """``pool`` with the sentences that give what is asked (``gives``: a figure, a date) first, when the
        best one does not: those within ``margin`` of it that are also ``about`` the question."""
        if not pool or gives(pool[0].sentence.text):
            return pool
        lead = [s for s in pool if gives(s.sentence.text) and s.score >= pool[0].score - margin
                and about(s.sentence.text)]
        return lead + [s for s in pool if s not in lead] if lead else pool

    def _section_pool(
        self, q: str, intent: Intent, pool: list[_Scored], case_no: int, qvec: np.ndarray, lex_extra: str,
        exclude: set[str],
    ) -> list[_Scored]:
        """A question that asks for a section (为什么 → 背景, 怎么 → 做法, 成效 → 成效) is answered from that
        section of the case when the case has one, even if retrieval ranked another section higher."""
        if not intent.section:
            return pool
        # a case without 工作背景 tells its background in an untitled preamble
        kinds = {intent.section, PREAMBLE} if intent.section == BACKGROUND else {intent.section}
        if any(s.paragraph.section_kind in kinds for s in pool[:1]):
            return pool
        chunks = [c for c in self.index.chunks if c.case == case_no and c.section_kind in kinds]
        if not chunks:
            return pool
        hits = _as_hits(chunks)
        extra = [s for s in self._scored(q, intent, hits, qvec, lex_extra) if s.sentence.id not in exclude]
        # …unless another section answers far better: "做法被哪份简报刊载" names 做法 but asks for a result
        if not extra or (pool and extra[0].score < pool[0].score - self.params.section_switch_margin):
            return pool
        return extra

    def _overview(self, intent: Intent, case_no: int, pool: list[_Scored], said: set[str] | None = None,
                  ) -> list[_Scored]:
        """"How did case X do it?" with nothing more specific: the titles of its measures （一）（二）… or
        一是/二是…, each quoted from its paragraph — the case's own summary of what it did. "还有别的措施吗？"
        after an answer (``said``: the sentences quoted so far) gives the titles of the measures not yet told."""
        if intent.section != PRACTICE or intent.wants - {"list"}:
            return []
        identity = self._identity.get(case_no, set())
        # (帮民企干哪几件事 is no narrower: a one-character verb, the count of things asked, and a short name of the
        # case's own words, 民企 for 民营企业, ask for the measures too)
        specific = [t for t in intent.tokens if t not in identity and len(t) >= 2 and not ASPECT_WORD.fullmatch(t)
                    and not any(f in identity for f in SHORT_FOR.get(t, ()))
                    and t not in OVERVIEW_WORDS and t not in STOPWORDS and not (said and MORE.fullmatch(t))]
        if specific:
            return []
        paragraphs = [p for p in self.corpus.paragraphs if p.case == case_no and p.section_kind == PRACTICE]
        heads = [p.sentences[0] for p in paragraphs if LIST_ITEM.match(p.sentences[0].text)]
        if len(heads) < 2 or sum(len(h.text) for h in heads) > 2 * self.params.max_chars:
            return []
        if said:
            heads = [h for h in heads if not any(s.id in said for s in self._para_of[h.id].sentences)]
            if not heads:
                return []
        return self._as_chosen(heads, pool)

    def _results_overview(self, intent: Intent, case_no: int, pool: list[_Scored], context: str = "") -> list[_Scored]:
        """"What did case X achieve?" with nothing more specific (nor a specific topic in the conversation,
        ``context``): the opening sentences of its 工作成效, as far as the length budget goes — the case's own
        summary of its results, figures first as it tells them."""
        if intent.section != OUTCOME or intent.wants - {"list"}:
            return []
        specific = [t for t in (*intent.tokens, *self.tokenize(context)) if t not in self._identity.get(case_no, set())
                    and t not in OVERVIEW_WORDS and t not in SECTION_WORDS and t not in STOPWORDS
                    and t not in GENERIC_WORDS]
        if specific:
            return []
        paragraphs = [p for p in self.corpus.paragraphs if p.case == case_no and p.section_kind == OUTCOME]
        chosen: list[Sentence] = []
        size = 0
        for s in (s for p in paragraphs for s in p.sentences if not SUBPOINT_TITLE.match(s.text)):
            if chosen and size + len(s.text) > self.params.max_chars:
                break
            chosen.append(s)
            size += len(s.text)
        return self._as_chosen(chosen, pool)

    def _as_chosen(self, sentences: list[Sentence], pool: list[_Scored]) -> list[_Scored]:
        """Sentences a summary picks by position, carrying the best candidate's scores (for the support shown)."""
        top = pool[0] if pool else None
        return [_Scored(s, self._para_of[s.id], top.score if top else 0.0, top.cos if top else 0.0, 0.0)
                for s in sentences]

    def _table_row(self, case_no: int) -> Paragraph | None:
        return self._rows.get(case_no)

    def _supported(self, best: _Scored, hits: list[Hit], intent: Intent, agreement: bool = True) -> bool:
        """Enough evidence to answer: a close sentence (cosine), or a fairly close one with word overlap,
        and retrieval that agrees with itself (``agreement=False`` leaves that out: whether dense and BM25
        rank the same case first says nothing about a second case in a cross-case list)."""
        p = self.params
        support = best.cos + 0.5 * best.lex
        if intent.english:
            support += 0.5 * p.lex_floor  # English questions share no words with the Chinese text
        if best.cos < p.cos_floor and best.lex < p.lex_floor and not intent.english:
            return False
        agree = self._agreement(hits) if agreement else 0
        return support + p.w_agree * agree >= p.support_min

    @staticmethod
    def _agreement(hits: list[Hit]) -> int:
        """1 when the dense and BM25 top results point to the same case, -1 when they differ, 0 unknown."""
        d = min((h for h in hits if h.dense_rank), key=lambda h: h.dense_rank or 99, default=None)
        b = min((h for h in hits if h.bm25_rank), key=lambda h: h.bm25_rank or 99, default=None)
        if d is None or b is None:
            return 0
        return 1 if d.chunk.case == b.chunk.case else -1

    def _unmet_constraints(
        self, intent: Intent, pool: list[_Scored], case_no: int, counted: bool = True
    ) -> list[str]:
        """Constraints of the question that the evidence of this case does not satisfy."""
        missing = []
        case_text = self._flat_case_text[case_no]
        # Labels carry no digits (every number in an answer must be quoted), so a year is named in words.
        if any(y not in case_text for y in intent.years):
            missing.append("问题所问年份的情况")
        # a figure the question takes as given that the cases never state (第78条 when the text has 77条) is a
        # false premise; a two-digit year (23年) is a year, not a figure
        absent = [n for n in intent.numbers if not re.search(rf"(?<![\d.]){re.escape(n)}(?!\d)", self._flat_text)
                  and not (len(n) == 2 and f"20{n}年" in self._flat_text)]
        if absent:  # (named in words: every digit of an answer must be inside a quote)
            missing.append(PREMISE)
        # "那10家里，没谈成的那7家…": a count the question gives must be one this case gives, in its unit (or a
        # unit of the same kind: 128个药店 is 128家); 7 in 7月27日 is no 7家 (checked where one case answers, not
        # on each line of a list)
        if (counted or not intent.cross_case) and not absent and not self._counts_given(intent.text, case_text):
            missing.append(PREMISE)
        for area in intent.areas:  # 企业开办最快要几天: a case that never speaks of 开办 does not answer it
            if not any(w in self._case_words.get(case_no, ()) or (len(w) >= 3 and w in case_text)
                       for w in area_words(area)):
                missing.append(f"关于{area}的内容")
        places = intent.places
        if len(places) > 1 and intent.places_any and any(p in case_text for p in places):
            places = ()  # 香港或澳门: one of them is enough
        for place in places:
            if place not in case_text:
                missing.append(f"{place}的情况")
        for quoted in intent.quoted:
            # (…and in the one case that answers: 医保局那个案例里“财务遏制”是怎么设计的 asks what case 4 never
            # says, though case 2 does)
            flat = quoted.replace(" ", "")
            if re.search(r"[\u4e00-\u9fff]", quoted) and (flat not in self._flat_text or (
                    not intent.cross_case and flat not in case_text)):
                missing.append(f"“{quoted}”")
        for term in intent.latin:
            if term.lower() not in case_text.lower():
                missing.append(f"“{term}”")
        missing += [f"“{a}”" for a in dict.fromkeys(AWARD_NAMED.findall(intent.text)) if a not in case_text]
        missing += [f"“{b}”" for b in self._unknown_bodies(intent.text)]
        if intent.english:
            missing += [f"{name}的情况" for name in self._unknown_places_en(intent.text)]
        if any(a not in case_text for a in ARTICLE_ASKED.findall(intent.text.replace(" ", ""))):
            missing.append("问题所问条款的内容")
        if DISTRICT_ASKED.search(intent.text) and pool and not any(DISTRICT_PICKED.search(s.sentence.text)
                                                                   for s in pool[:3]):
            missing.append("问题所问的区")  # 128家药店里哪个区最多: a case that names no district does not say
        for thing in EXIST_ASKED.findall(intent.text.replace(" ", "")):
            if thing.endswith(MEANS_WORDS):
                continue
            # 有没有过渡期: a thing the case never speaks of, in any of its words, it does not have as far as the
            # cases tell
            if not any(w in case_text for w in (thing, *self.tokenize(thing)) if len(w) >= 2):
                missing.append(f"“{thing}”")
        missing += [f"“{c}”" for c in CHARGE_ASKED.findall(intent.text.replace(" ", "")) if c not in case_text]
        for thing in RULE_ASKED.findall(intent.text.replace(" ", "")):
            # 贷款期限有什么规定: the rules on a thing the case never names (its head word, 期限) are not told there
            thing = re.split(r"[的对给]", thing)[-1]
            head = ([w for w in self.tokenize(thing) if len(w) >= 2] or [thing])[-1]
            if head not in case_text:
                missing.append(f"“{thing}”的规定")
        if "date" in intent.wants and pool and not self._date_fits(intent, pool):
            missing.append("问题所问的时间")
        if "rank" in intent.wants and pool and not any(
                RANK.search(s.sentence.text) and self._ranked_share(intent, s.sentence.text) >= 0.6 for s in pool[:3]):
            missing.append("问题所问的排名")
        if intent.extreme and pool and not any(LIMIT_GIVEN.search(s.sentence.text) for s in pool[:3]):
            missing.append("问题所问的上限或下限")  # 最高能贷多少: an average (平均金额15.4万元) is no limit
        if intent.baseline and pool and not any(BASELINE_TOLD.search(s.sentence.text) for s in pool[:3]):
            missing.append("变化之前的数字")  # 改革前审理周期多长: 缩短至2.5个月以内 says where it ended, not began
        if "duration" in intent.wants and pool:
            # (…of what is asked: a sentence that names none of the question's own words, 药店…上线…仅7个月, gives
            # some other span than 报错处理要多长时间)
            own = [] if intent.english else [t for t in self._specific_words(intent.text)
                                              if t not in self._identity.get(case_no, set())]
            # (…and of the kind of case asked: 破产重整案件 is not told by 破申、清终、破终案件…2.5个月)
            kinds = re.findall(r"([\u4e00-\u9fff]{2})案件", intent.text)
            if not any(DURATION.search(s.sentence.text) and (not own or any(t in s.sentence.text for t in own))
                       and all(k in s.sentence.text for k in kinds) for s in pool[:8]):
                missing.append("问题所问的时长")
        if intent.person and not any(self._has_person(s.sentence.text) and (not intent.title or intent.title in
                                     s.sentence.text) for s in pool[:2]):
            missing.append("具体人名")
        given = intent.text.replace(" ", "") if MORE.search(intent.text) else ""  # (…还有哪几家 asks for others)
        if intent.firm and pool and not any(self._names_firm(t, intent.firm, given)
                                            for t in self._firm_evidence(intent, pool)):
            missing.append("具体的单位名称")
        if intent.foreign_name and not any(re.search(r"[A-Za-z]{2,}", s.sentence.text) for s in pool[:3]):
            missing.append("英文名称")
        if "number" in intent.wants:
            # 那128家药店里，连锁药店有几家: the kind of part picked out of a given whole (连锁) must be named
            for m in PART_OF_GIVEN.finditer(intent.text.replace(" ", "")):
                if m.group("kind") not in case_text:
                    missing.append(f"“{m.group('kind')}{m.group('whole')}”")
        if "number" in intent.wants and pool:
            numeric = [s for s in pool[:8] if NUMBER.search(s.sentence.text)]
            if not numeric or (counted and not (self._number_fits(intent, numeric, case_no) and (
                    intent.english or self._part_counted(intent, numeric, case_text)))):
                missing.append("问题所问的具体数字")
        return missing

    @staticmethod
    def _counts_given(q: str, text: str) -> bool:
        """Whether every count question ``q`` gives (那7家, 1032件问题) stands in ``text`` in its measure word or
        one a speaker swaps for it (128个药店 is 128家)."""
        for n, unit in GIVEN_COUNT.findall(q.replace(" ", "")):
            kin = next((k for k in COUNT_KIN if unit in k), (unit,))
            if not re.search(rf"(?<![\d.]){re.escape(n)}\s*(?:{'|'.join(map(re.escape, kin))})(?!月)", text):
                return False
        return True

    @staticmethod
    def _name_spans(flat: str, ending: re.Pattern[str]) -> list[tuple[int, int, int]]:
        """Where a question names bodies: (start, where the ending begins, end) for each run from a body's
        ending (中心, 仲裁院, 局…) left to a question word, past the verbs a question puts before a name
        (它还指导协会: 指导 is done to the 协会; jieba tags it a noun), with two or more characters before the
        ending (市委, 哪家银行 are no names)."""
        spans = []
        for m in ending.finditer(flat):
            start = m.start()
            while start > 0 and start > m.start() - 12 and "\u4e00" <= flat[start - 1] <= "\u9fff" \
                    and flat[start - 1] not in NAME_STOP:
                start -= 1
            while (verb := next((v for v in VERBS_BEFORE_BODY if flat.startswith(v, start, m.start())), None)):
                start += len(verb)
            # (…and past such a verb inside the run: 什么时候指导破产管理人协会 names 破产管理人协会)
            inner = [j + len(v) for v in VERBS_BEFORE_BODY if (j := flat.rfind(v, start, m.start())) > start]
            start = max([start, *(i for i in inner if m.start() - i >= 2)])
            if m.start() - start >= 2:
                spans.append((start, m.start(), m.end()))
        return spans

    def _bodies_spelled(self, q: str) -> list[str]:
        """The bodies a question names in full (新加坡国际调解中心, 伦敦国际仲裁院)."""
        flat = q.replace(" ", "").replace("·", "")
        return list(dict.fromkeys(flat[s:e] for s, _, e in self._name_spans(flat, BODY_SPELLED)))

    def _unknown_places_en(self, q: str) -> list[str]:
        """Places an English question names in pinyin (Futian District, Bao'an County) that the cases never name
        as a place (坪山区 reads Pingshan): what the cases tell of the city as a whole says nothing of them. A
        word English knows (Central District) is no pinyin, and is left alone."""
        bridge = self.searcher.bridge
        names = [(m.group(1), m.group(0)) for m in EN_PLACE_NAMED.finditer(q)
                 if not (bridge is not None and bridge.groups(m.group(1).lower()))]
        if not names:
            return []
        if self._spoken_keys is None:
            from pypinyin import lazy_pinyin  # (on the first such question only)

            keys: set[str] = set()
            for m in PLACE_SUFFIX.finditer(self._flat_text):
                # (the two to four characters before 区 / 县 / 街道…: 坪山区 reads pingshan; 落户 is no place)
                sounds = lazy_pinyin(self._flat_text[max(0, m.start() - 4): m.start()])
                keys.update("".join(sounds[-n:]) for n in (2, 3, 4) if len(sounds) >= n)
            self._spoken_keys = keys
        return [full for n, full in names if re.sub(r"[^a-z]", "", n.lower()) not in self._spoken_keys]

    def _unknown_bodies(self, q: str) -> list[str]:
        """Bodies the question names that no case writes under any of their usual names (深圳市总工会,
        中国人民银行深圳中心支行): what the cases say of other bodies does not answer for them. A name runs left
        from its ending (总工会, 支行, 局…) as ``_name_spans`` reads it; it is known when any left part of it is
        written (市税务局 is known from 走进市税务局, 深圳市发改委 from 市发展改革委, 目录中市检察院 from 市检察院)."""
        flat = q.replace(" ", "").replace("·", "")
        out = []
        for start, ending, end in self._name_spans(flat, BODY_END):
            names = [flat[s:end] for s in range(ending - 1, start - 1, -1)]
            if not any(v in self._flat_text for n in names for v in org_variants(n)):
                out.append(names[-1])
        out += [name for name in map(str.strip, EN_BODY.findall(q)) if not self._knows_english_body(name)]
        return list(dict.fromkeys(out))

    def _knows_english_body(self, name: str) -> bool:
        """``_finds_english_body``, once per name (a cross-case question checks it for every case)."""
        if name not in self._english_body_cache:
            self._english_body_cache[name] = self._finds_english_body(name)
        return self._english_body_cache[name]

    def _finds_english_body(self, name: str) -> bool:
        """Whether the cases write a body an English question names in full (Hong Kong International Arbitration
        Centre): by that name, by its initials (Dubai International Arbitration Centre → DIAC, as the cases write
        foreign partners), or by its words translated in order (新加坡…国际…调解…中心; for "A Court of B", A B
        Court). Home bodies (Shenzhen…, China…) are left to the other checks, and a word the dictionary does not
        know is no evidence of absence."""
        words = name.split()
        text = self.corpus.text
        if words[0] in HOME_EN or " ".join(words).lower() in text.lower():
            return True
        if re.search(rf"\b{_initials(name)}\b", text):
            return True
        bridge = self.searcher.bridge
        if bridge is None:
            return True
        content = [w for w in words if w not in ("of", "for", "and", "on", "the")]
        orders = [content]
        if "of" in words:  # London Court of International Arbitration → London International Arbitration Court
            i = words.index("of")
            head, rest = words[i - 1], [w for w in words[i + 1:] if w in content]
            orders.append([w for w in words[: i - 1] if w in content] + rest + [head])
        for order in orders:
            groups: list[list[dict[str, float]]] = []
            i = 0
            while i < len(order):
                pair = " ".join(order[i: i + 2]).lower()
                if pair in PLACES_EN:  # (Hong Kong is 香港, not a word each)
                    groups.append([{PLACES_EN[pair]: 1.0}])
                    i += 2
                    continue
                if order[i].lower() in PLACES_EN:  # (Singapore is 新加坡, whether or not the dictionary knows it)
                    groups.append([{PLACES_EN[order[i].lower()]: 1.0}])
                    i += 1
                    continue
                groups.append(bridge.groups(BRITISH.get(order[i].lower(), order[i].lower()), per_word=6))
                i += 1
            if not all(groups):
                return True
            pattern = ".{0,3}".join("(?:" + "|".join(map(re.escape, {zh for g in gs for zh in g})) + ")"
                                    for gs in groups)
            if re.search(pattern, self._flat_text):
                return True
        return False

    def _part_counted(self, intent: Intent, numeric: list[_Scored], case_text: str) -> bool:
        """A figure question about one part of something ("数据出境合规"那一章有几条, 走进深汕合作区那次签了
        几个项目) is answered by a figure in the same clause as that part; a total for the whole (共分为六章、
        77条, 8 个项目…总投资额) in another clause does not say it; so is one about a district (在龙岗区放款多少,
        when the case names 龙岗 only among the districts loans went to). True when the question picks no part."""
        m = PART_PICKED.search(intent.text)
        district = DISTRICT_PICKED.search(intent.text)
        if district and re.search(rf"[和与及、跟]{district.group(0)}|{district.group(0)}[和与及、跟]", intent.text):
            district = None  # 深汕和坪山两场: the places together, whose figure is told for both
        if district and PARTS_PICKED.search(intent.text):
            district = None  # (…and so is 深汕坪山那两场, typed without the 和)
        member = None
        if not m and not district:
            # 4200亿授信额度里，华夏银行给了多少: what is counted is one item of the figure's list (中国银行、…、
            # 华夏银行等银行…共提供4200亿), so the figure is the list's total, not that item's
            # (a body named as one: 中国银行等多少家 asks of the list; 提高授信额度、开通… lists no bodies)
            def named_alone(w: str) -> bool:
                return not re.search(rf"{re.escape(w)}\s*(?:、|等|和|与|及)|(?:、|和|与|及)\s*{re.escape(w)}", intent.text)

            words = [w for w in (*intent.counted, *self.index.tokenize.words(intent.text)) if len(w) >= 4
                     and ORG.fullmatch(w) and not w.endswith("平台") and named_alone(w)]
            member = next((w for w in words if any(
                re.search(rf"、{re.escape(w)}|{re.escape(w)}(?:、|等)", s.sentence.text.replace(" ", ""))
                for s in numeric[:3])), None)
            if not member:
                return True
        if member:
            part = member
        elif m:
            head = m.group(1)
            quoted = [t for t in intent.quoted if t in head]
            words = [w for w in self.tokenize(head) if len(w) >= 2 and w not in GENERIC_WORDS]
            part = (quoted or words[-1:] or [""])[-1].replace(" ", "")
        else:  # 在龙岗区放款多少: a district's figure, where the case names the district only in a list
            part = district.group(1)
        if len(part) < 2:
            return True
        if part not in case_text:
            # a district the case never names has no figure in it (全市户均停水时间 is not 龙岗区's)
            return not district or bool(m)
        unit = _unit_figure(intent.unit) if intent.unit else None
        things = [w for w in intent.counted if len(w) >= 2]
        for s in numeric:
            flat = s.sentence.text.replace(" ", "")
            if not unit and things and not any(w in flat for w in things):
                continue  # (without a unit, the sentence must at least name what is counted: 投资额)
            # (an item of a list has its own figure only between the list's marks: 华夏银行深圳分行、深信院等9场
            # counts the list)
            for clause in (LIST_SPLIT if member else CLAUSE_SPLIT).split(flat):
                if part in clause and (unit.search(clause) if unit else NUMBER.search(clause.replace(part, ""))):
                    return True
        return False

    def _ranked_share(self, intent: Intent, text: str) -> float:
        """How much of what a 排第几 question ranks a sentence names: its words, or for an English question
        the words the dictionary knows, each met by one of its translations."""
        flat = text.replace(" ", "")
        if not intent.english:
            return sum(w in flat for w in intent.counted) / len(intent.counted) if intent.counted else 1.0
        bridge = self.searcher.bridge
        groups = [g for w in intent.counted if bridge is not None
                  and (g := bridge.groups(w, per_word=self.params.english_counted_senses))]
        if not groups:
            return 1.0
        return sum(any(zh in flat for g in gs for zh in g) for gs in groups) / len(groups)

    def _firm_evidence(self, intent: Intent, pool: list[_Scored]) -> list[str]:
        """Where the firm a 哪家 question asks for must be named: the best sentences, or, when the question
        picks the firm out by a figure (投资4亿元的是哪家企业), the sentence with that figure and the one before
        it — a firm named elsewhere in the case is some other firm. A firm the question describes (签约入驻
        多彩硅谷产业园的那家企业) is likewise named in the sentence that fits the description best, or just before."""
        if intent.firm_described and pool:
            s = pool[0]
            return [s.sentence.text, *[x.text for x in s.paragraph.sentences if x.end <= s.sentence.start][-1:]]
        if intent.numbers:
            for s in pool[:8]:
                if set(intent.numbers) <= set(_amounts(s.sentence.text)):
                    before = [x.text for x in s.paragraph.sentences if x.end <= s.sentence.start][-1:]
                    return [s.sentence.text, *before]
        return [s.sentence.text for s in pool[:3]]

    def _date_fits(self, intent: Intent, pool: list[_Scored]) -> bool:
        """A date question is supported by a dated sentence that names the event asked about (修订, 上线…)."""
        # (a cut-off date dates no event, unless the cut-off is what is asked: 数据统计到什么时候)
        cutoff = bool(CUTOFF_ASKED.search(intent.text))
        dated = [s for s in pool[:8] if (DAY if intent.day else DATE).search(
            s.sentence.text if cutoff else CUTOFF_DATE.sub("", s.sentence.text))]
        # a date for something the question names exactly (SIMC, “办不成事”) must be dated in a paragraph that
        # names it ("2022年…。同年，…建立了…平台" dates the platform in the sentence before)
        named = [t for t in (*intent.latin, *intent.quoted) if t.replace(" ", "") in self._flat_text]
        if intent.cross_case and pool:
            # "药店购药直接结算和“办不成事”窗口分别是什么时候": each case is dated for what it names itself
            case_text = self._flat_case_text[pool[0].paragraph.case]
            named = [t for t in named if t.replace(" ", "") in case_text]
        if named:
            # …or by the short form the source defines for it (《深圳市企业数据合规指引》（以下简称《指引》）)
            forms = {f for t in named for f in (t, *self._short_forms(t))}
            dated = [s for s in dated if any(f in s.paragraph.text.replace(" ", "") for f in forms)]
        if not dated:
            return False
        # 深国仲跟新加坡国际调解中心的协议是哪年签的: a body the question names besides the case's own must be
        # in the dated sentence (the case dates its agreements with other centres, not with that one)
        case_no = dated[0].paragraph.case
        others = [b for b in self._bodies_spelled(intent.text) if _bare_name(b) not in self._body_names(case_no)]
        # (an English question names the partner by the source's own acronym: with the ICC → 国际商会国际仲裁院（ICC
        # Court）, undated where the case lists it)
        others += [a for a in dict.fromkeys(ACRONYM.findall(intent.text)) if intent.english
                   and re.search(rf"\b{a}\b", self._case_text[case_no]) and a not in self._body_names(case_no)]
        if others and not intent.cross_case:
            dated = [s for s in dated if all(b in s.sentence.text.replace(" ", "") for b in others)]
            if not dated:
                return False
        # (几月有了什么动作 / 有什么进展: any event will do)
        if intent.english or not [t for t in intent.counted if t not in ANY_EVENT]:
            return True
        # (a title names no event: 2019年…印发《…实施方案》 does not date when something began 实施)
        # (…and a sentence that dates itself by the one before, 同年，…建立了…平台, is dated too)
        follow = [x.text for s in dated[:3] for x in s.paragraph.sentences
                  if x.start >= s.sentence.end and ANAPHORIC_TIME.match(x.text)][:3]
        text = TITLE.sub("", "".join([*(s.sentence.text for s in dated[:3]), *follow]).replace(" ", ""))
        if any(ISSUED.fullmatch(t) for t in intent.counted) and ISSUED.search(text):
            return True  # 哪天出台的: a document 制定 or 印发 that day was issued that day
        if "落地" in intent.counted and LAUNCHED.search(text):
            return True  # 啥时候落地的: what went live (上线) or was issued (发布) that day came into effect then
        # (a word that names the case, 落户前海 in the Qianhai case, names no event)
        identity = self._identity.get(case_no, set())
        event = [t for t in intent.counted if intent.cross_case or t not in identity] or intent.counted
        # (…nor does an occasion's name, 在…宣传周启动活动上, unless the occasion is what is asked about: the
        # 启动 of 启动编制 is not the 启动活动 the guideline was released at)
        occasions = [m for m in EVENT.finditer(text) if m.group(1)]
        if not any(m.group(1) in intent.text for m in occasions):
            for m in occasions:
                text = text.replace(m.group(0), "")
        if any(t in text for t in event):
            return True
        # a likeness of meaning stands in for the event's word, but the dated sentences must still speak of the
        # thing asked about (国际税务培训基地是哪年落户的: 2022年9月…建设…集聚区 dates the cluster, not the 基地)
        own = [t for t in self._specific_words(intent.text) if t not in identity and t not in intent.counted
               and not DATE.search(t)]
        # (…one case's thing: the words of a list question are spread over its cases, 窗口或平台上线)
        return dated[0].cos >= self.params.number_cos and (intent.cross_case or not own or any(t in text for t in own))

    def _with_definition(self, chosen: list[_Scored]) -> list[_Scored]:
        """A 哪家企业 answer that names a firm by the short form its case defines (与市环水集团签署…)
        also quotes the sentence that defines it (深圳市环境水务集团有限公司（以下简称“市环水集团”）): the
        user asked which firm, and the short form alone does not say."""
        if not chosen:
            return chosen
        first = chosen[0]
        have = {s.sentence.id for s in chosen}
        for para in self.corpus.paragraphs:
            if para.case != first.paragraph.case:
                continue
            for sent in para.sentences:
                for short in SHORT_FORM_DEFINED.findall(sent.text):
                    if sent.id not in have and short in first.sentence.text:
                        return [replace(first, sentence=sent, paragraph=para), *chosen]
        return chosen

    def _short_forms(self, term: str) -> tuple[str, ...]:
        """Short names the source defines for ``term`` right after it: X（以下简称“Y”） or 《X》（以下简称《Y》）.
        Remembered per term: sentence scoring asks for every quoted term of every question."""
        if term not in self._short_form_cache:
            pattern = re.escape(term.replace(" ", "")) + r"[”》\"]?[（(](?:以下)?简称[“《\"]([^”》\"]{1,12})[”》\"]"
            self._short_form_cache[term] = tuple(f"《{m}》" if f"《{m}》" in self._flat_text else m
                                                 for m in re.findall(pattern, self._flat_text))
        return self._short_form_cache[term]

    def _pervasive(self, term: str, case_no: int) -> bool:
        """Whether ``term`` stands in more than half of a case's sentences (then it names the case, and tells
        one of its sentences from another no better than any word does)."""
        sentences = self._flat_sentences.get(case_no, [])
        return len(sentences) > 0 and 2 * sum(term in s for s in sentences) > len(sentences)

    def _number_fits(self, intent: Intent, numeric: list[_Scored], case_no: int) -> bool:
        """A number question is supported when a numeric sentence carries the unit asked for (多少天 → 天)
        and shares a word with what is being counted, beyond the words that merely name the case."""
        p = self.params
        if PER_AREA.search(intent.text) and not any(AREA_UNIT.search(s.sentence.text) for s in numeric[:3]):
            return False  # 每平方米补多少: a rate per area is told per area (a rent cut to 6.5-7 折 is none)
        if PER_ASKED.search(intent.text) and not any(PER_TOLD.search(s.sentence.text) for s in numeric[:3]):
            return False  # 平均每笔结算多少钱 / per transaction: a total (医疗总费用4223余万元) is no average
        if intent.numbers:
            # "1032件问题里，涉企的有多少件？": a sentence whose only figure is the one the question already
            # gives does not answer it
            numeric = [s for s in numeric if set(_amounts(s.sentence.text)) - set(intent.numbers)]
            if not numeric:
                return False
        if len(intent.years) == 1:
            # "2022年…收到多少件": a figure the text dates to another year (截至2023年12月底…1032件) is not it
            numeric = [s for s in numeric if intent.years[0] in s.sentence.text
                       or not YEARLIKE.search(s.sentence.text)]
            if not numeric:
                return False
        months = self._asked_months(intent.text, intent)
        if len(months) == 1 and MONTH_PERIOD.search(intent.text.replace(" ", "")):
            # "2023年4月那个月结算了多少人次": a figure the text dates to other months (2023年5月至12月…, 截至12月底)
            # is not that month's
            told = [(s, _months_told(s.sentence.text)) for s in numeric]
            numeric = [s for s, (single, dated) in told if months[0] in single or not dated]
            if not numeric:
                return False
        if intent.unit:
            # …a figure in that unit other than one the question itself gives (4.7万户里，多少户…)
            fits = [s for s in numeric if any(not set(_amounts(f)) & set(intent.numbers)
                                              for f in _unit_figures(intent.unit, s.sentence.text))]
            if not fits:
                return False
            numeric = fits
        if intent.english:
            # an English question shares no words with the text: what it counts ("how many community health
            # centres", "the interest rate") must be found, through the dictionary, in a sentence with a figure
            # (only when the dictionary knows every one of its words: a gap in the dictionary is no evidence)
            bridge = self.searcher.bridge
            if bridge is None or not intent.counted:
                return True
            # (a word's looser senses count too: issues → 问题 as well as 出具; and the figure's paragraph may
            # name the thing while its sentence says it another way: 贷款 … 最终提款 2454 笔)
            groups = [bridge.groups(BRITISH.get(w, w), per_word=p.english_counted_senses) for w in intent.counted]
            if not all(groups):
                return True
            if intent.unit == "钱" and ENGLISH_PRICED.search(intent.text.lower()):
                # (a price is told with what it is the price of: 17.50 亿元 of guarantees is no certificate's fee)
                return any(zh in s.sentence.text for s in numeric[:3] for gs in groups for g in gs for zh in g)
            return any(zh in s.paragraph.text for s in numeric[:3] for gs in groups for g in gs for zh in g)
        counted = intent.counted
        if not counted:
            return True
        if DOC_NUMBER_ASKED.search(intent.text) and any(DOC_NUMBER.search(s.sentence.text) for s in numeric[:3]):
            return True  # 文号多少: a document's number (国发〔2022〕5号) is what is counted
        best = numeric[0]
        # a one-character word (打, 放, 省) is weak evidence: when a longer counted word is in the case (租金),
        # that one must be there
        case_text = self._flat_case_text[case_no]
        counted = tuple(t for t in counted if len(t) >= 2 and t in case_text) or counted
        pervasive_only = False
        if not intent.unit:
            # (…and, when no measure word says what is counted, a word that stands in most of the case's sentences,
            # 仲裁 in the arbitration case, names the case rather than the thing: 受理了多少仲裁 is not answered by
            # whatever figure stands near 仲裁; only a close likeness of meaning can)
            kept = (tuple(t for t in counted if not self._pervasive(t, case_no))
                    or tuple(t for t in intent.counted if len(t) >= 2 and not self._pervasive(t, case_no)))
            pervasive_only = not kept
            counted = kept or counted
        # (the counted word must stand by a figure: "三大业务板块" counts no 融资金额)
        figured = [s for s in numeric[:3] if COUNT.search(s.sentence.text)] or numeric[:3]
        # (a counted title may be written by the short form its case defines: 《深圳市企业数据合规指引》 → 《指引》)
        overlap = not pervasive_only and any(f in s.sentence.text.replace(" ", "") for s in figured for t in counted
                      for f in (t, *SHORT_FOR.get(t, ()), *self._short_forms(t)))
        # a likeness of meaning stands in for a word the figure's sentence does not use, but not for a thing
        # the case never names at all (总建筑面积, when the case only speaks of 新增租赁面积)
        named = any(len(t) >= 2 and (t in case_text or any(f in case_text for f in SHORT_FOR.get(t, ())))
                    for t in counted)
        return overlap or (best.cos >= p.number_cos and (named or all(len(t) < 3 for t in counted)))

    def _select(self, pool: list[_Scored], intent: Intent, params: AnswerParams | None = None) -> list[_Scored]:
        """The smallest set of sentences that answers: the best one, then close runners-up that add
        new question terms, and for list questions the rest of the enumeration (``params`` narrows the
        budget for one line of a cross-case answer)."""
        p = params or self.params
        best = pool[0]
        chosen = [best]
        size = len(best.sentence.text)
        para = best.paragraph
        after = [x for x in para.sentences if x.start >= best.sentence.end]
        # A sub-point title ("（三）试行破产管理人指定新规则。") only names a measure: what follows says it.
        # For how-questions, the sentence after the best one usually carries the mechanism.
        extend = SUBPOINT_TITLE.match(best.sentence.text) or intent.section == PRACTICE
        for i, nxt in enumerate(after):
            if not extend or (i > 0 and not SUBPOINT_TITLE.match(best.sentence.text)):
                break
            if i > 0 and size + len(nxt.text) > p.max_chars:
                break
            if i == 0 and not SUBPOINT_TITLE.match(best.sentence.text) and size + len(nxt.text) > p.max_chars:
                break
            chosen.append(next((s for s in pool if s.sentence.id == nxt.id),
                               _Scored(nxt, para, best.score, best.cos, best.lex)))
            size += len(nxt.text)
        if "list" in intent.wants and intent.quoted:
            # 有哪些“首次”: every sentence of the paragraph that carries the quoted term is an item
            for s in pool:
                if (s.paragraph.id == para.id and s.sentence.id not in {c.sentence.id for c in chosen}
                        and any(t in s.sentence.text for t in intent.quoted) and size + len(s.sentence.text) <= p.max_chars):
                    chosen.append(s)
                    size += len(s.sentence.text)
        if "list" in intent.wants and intent.doc_kinds:
            # 编了哪些指南: every title of that kind the paragraph names is an item (编撰《…审查指南》。编纂《…办理指南》)
            for s in para.sentences:
                if (s.id not in {c.sentence.id for c in chosen} and _names_document(intent.doc_kinds, s.text)
                        and size + len(s.text) <= p.max_chars):
                    chosen.append(next((x for x in pool if x.sentence.id == s.id),
                                       _Scored(s, para, best.score, best.cos, best.lex)))
                    size += len(s.text)
        if "list" in intent.wants or intent.section == PRACTICE:
            # the enumeration the answer quotes from: the best sentence's, or the one its lead-in introduces
            # ("…进行数字化监测。一是…；二是…；三是…")
            anchor = best.sentence if LIST_ITEM.match(best.sentence.text) else chosen[-1].sentence
            for sib in self._siblings(anchor):
                if sib.id not in {c.sentence.id for c in chosen} and size + len(sib.text) <= p.max_chars * 2:
                    chosen.append(next((s for s in pool if s.sentence.id == sib.id), _Scored(
                        sib, best.paragraph, best.score, best.cos, best.lex)))
                    size += len(sib.text)
        # a when-question is answered by its dated sentence; runners-up would only add other dates
        dated_answer = "date" in intent.wants and "list" not in intent.wants and DATE.search(best.sentence.text)
        # a why-question's reasons are told as a run of sentences in the background paragraph
        why = intent.section == BACKGROUND and bool(WHY_ASKED.search(intent.text))
        asked = sum(self._idf.get(t, self._max_idf) for t in set(intent.tokens) if t not in self._all_identity)
        for s in pool[1:]:
            if dated_answer or len(chosen) >= p.max_sentences or size >= p.max_chars:
                break
            margin = p.margin * 2 if why and s.paragraph.id == para.id else p.margin
            if s.sentence.id in {c.sentence.id for c in chosen} or s.score < best.score - margin:
                continue
            if size + len(s.sentence.text) > p.max_chars:
                continue
            covered = set().union(*(self._tokens[c.sentence.id] for c in chosen))
            gain = [t for t in intent.tokens if t in self._tokens[s.sentence.id] and t not in covered
                    and t not in self._all_identity]
            # (…a real share of what is asked: 所 or 深圳 alone is no reason to quote a second sentence)
            if sum(self._idf.get(t, self._max_idf) for t in set(gain)) < p.gain_share * asked:
                gain = []
            # results are told as a run of figures in one paragraph: its close runners-up belong together
            together = intent.section in (OUTCOME, BACKGROUND) and s.paragraph.id == para.id
            if not gain and s.cos < best.cos and not together:
                continue
            chosen.append(s)
            size += len(s.sentence.text)
            # a runner-up that is a sub-point title ("三是帮助企业“找资金”。") only names a measure: the sentence
            # after it says what the measure is
            rest = [x for x in s.paragraph.sentences if x.start >= s.sentence.end][:1]
            if (SUBPOINT_TITLE.match(s.sentence.text) and rest and rest[0].id not in {c.sentence.id for c in chosen}
                    and size + len(rest[0].text) <= p.max_chars * 2):
                chosen.append(next((x for x in pool if x.sentence.id == rest[0].id),
                                   _Scored(rest[0], s.paragraph, s.score, s.cos, s.lex)))
                size += len(rest[0].text)
        # the best sentence may lean on the one before it: "同年，…建立了…平台" (the year is there) or
        # "有鉴于此，建立…" / "…即是为了弥补这一固有的制度缺陷" (the reason is there)
        before = [x for x in para.sentences if x.end <= best.sentence.start]
        if before and before[-1].id not in {c.sentence.id for c in chosen} and (
                ("date" in intent.wants and not DATE.search(best.sentence.text)
                 and ANAPHORIC_TIME.match(best.sentence.text) and DATE.search(before[-1].text))
                or (intent.section == BACKGROUND and ANAPHORIC_REASON.search(best.sentence.text))):
            chosen.append(_Scored(before[-1], para, best.score, best.cos, best.lex))
        chosen.sort(key=lambda s: s.sentence.start)
        return chosen

    def _siblings(self, sentence: Sentence) -> list[Sentence]:
        """The other items of an enumeration the sentence belongs to (一是…二是…), in its paragraph."""
        para = self._para_of[sentence.id]
        if not LIST_ITEM.match(sentence.text) or SUBPOINT_TITLE.match(sentence.text):
            return []
        return [s for s in para.sentences if s.id != sentence.id and LIST_ITEM.match(s.text)
                and not SUBPOINT_TITLE.match(s.text)]

    # ------------------------------------------------------------ cross-case answers

    def _unit_cases(self, name: str) -> list[int]:
        """Cases whose submitting unit ``name`` is, by any of the unit's usual names (深圳市发改委 → 案例一)."""
        flat = name.replace(" ", "")
        return [number for number, units in self._units.items()
                if any(len(core) >= 2 and core in flat for u in units for v in org_variants(u)
                       if (core := _bare_name(v)))]

    def _named_cases(self, q: str) -> list[int]:
        """Cases the question names: by number, by submitting unit, or by a term only that case uses."""
        found: list[int] = []
        qn = q.replace(" ", "").replace("·", "")
        found.extend(self._unit_cases(qn))  # …by any of a unit's usual names (市中级人民法院 is 中院 in 深圳中院)
        # a shortened unit name (法院 for 市中级人民法院) names a case when only that case's unit contains it
        for t in self.tokenize(q):
            if len(t) < 2:
                continue
            owners = [n for n, units in self._units.items() if any(t in u for u in units)]
            in_texts = sum(t in text for text in self._case_text.values())
            if len(owners) == 1 and in_texts <= 2:
                found.append(owners[0])
        for term, cases in self._term_cases.items():
            if term in qn and len(cases) == 1:
                found.extend(cases)
        return list(dict.fromkeys(found))

    def _body_names(self, case_no: int) -> list[str]:
        """Every usual name of a case's submitting bodies (市中级人民法院 → 深圳中院, 深国仲, SCIA…), without
        the leading 深圳市 / 市 a question may leave out (computed once per case)."""
        if case_no not in self._body_name_cache:
            names = [v for u in self._units.get(case_no, ()) for v in org_variants(u)]
            names += self._aliases(self.corpus.case(case_no))
            self._body_name_cache[case_no] = [core for n in names if len(core := _bare_name(n)) >= 3]
        return self._body_name_cache[case_no]

    def _bodies_named(self, q: str) -> list[str]:
        """The submitting bodies a question names, each by the name it uses."""
        qn = q.replace(" ", "").replace("·", "")
        return list(dict.fromkeys(n for c in self._units for n in self._body_names(c) if n in qn))

    def _writes_body(self, case_no: int, name: str) -> bool:
        """Whether a case writes a body's name, in any of its usual forms."""
        text = self._bare_case_text[case_no]
        owners = [c for c in self._units if name in self._body_names(c)]
        return any(n in text for c in owners for n in self._body_names(c)) or name in text

    def _elsewhere(self, q: str) -> tuple[list[str], list[int]] | None:
        """For a question on where else a submitting body appears: its name, and the cases other than its own
        whose text writes it under any of its usual names (None when the question names no one body)."""
        own = self._named_cases(q)
        if len(own) != 1:
            return None
        units = self._units.get(own[0], ())
        if not set(self._bodies_named(q)) & set(self._body_names(own[0])):
            return None  # the case is named by its topic (除了公共资源交易…), not by a body
        others = [c for c, text in sorted(self._bare_case_text.items()) if c != own[0]
                  and any(v in text for u in units for v in org_variants(u))]
        return ([units[0]], others) if units else None

    def _cases_writing(self, terms: Sequence[str]) -> list[int]:
        """The cases whose text (without spaces or ·) writes any of ``terms``, in case order."""
        return [c for c, text in sorted(self._bare_case_text.items()) if any(t in text for t in terms)]

    def _quoted_cases(self, intent: Intent) -> list[int]:
        """The cases whose text writes the question's quoted term (“全国首个”), or any of its quoted terms when
        it gives them as alternatives (“全国首个”“国内首个”或者“中国首座”), when fewer than most cases do."""
        if not intent.quoted or (len(intent.quoted) > 1 and not QUOTED_ALTERNATIVES.search(intent.text)):
            return []
        terms = [t.replace(" ", "").replace("·", "") for t in intent.quoted]
        cases = self._cases_writing(terms)
        return cases if len(cases) < 0.8 * len(self._bare_case_text) else []

    def _mentions(self, q: str) -> tuple[list[str], list[int]]:
        """The phrase a which-cases question asks about (提到了粤港澳大湾区, 跟前海有关) and the cases whose text
        holds it word for word; a phrase no case writes (具体的香港机构) or most cases use (深圳, 企业) is no
        literal criterion and gives nothing."""
        m = MENTION_PHRASE.search(q)
        term = (m.group(1) or m.group(2) or m.group(3) or m.group(4) or "").strip("“”") if m else ""
        if len(term) < 2 or term in self._compilation_words:
            return [], []
        flat = self._bare_case_text
        term = term.replace("·", "")
        # a body is written under any of its usual names (市发展改革委, 深圳市发展和改革委员会)
        cases = [c for c, text in sorted(flat.items()) if any(v in text for v in _name_forms(term))]
        return ([term], cases) if 0 < len(cases) < 0.8 * len(flat) else ([], [])

    def _month_events(self, q: str, intent: Intent, chosen: list[_Scored], case_no: int, qvec: np.ndarray,
                      exclude: set[str]) -> list[_Scored]:
        """``chosen`` and, when it answers "what happened in 2023年7月" with an event of that month, the case's
        other events of the month (2023年7月27日…。2023年7月28日…), in the order the case tells them."""
        months = [] if intent.wants & {"number", "date"} or not EVENTS_ASKED.search(q) else self._asked_months(q, intent)
        if not months or not chosen or not any(m in chosen[0].sentence.text.replace(" ", "") for m in months):
            return chosen
        have = {c.sentence.id for c in chosen}
        more = [x for x in self._case_sentences(case_no, q, intent, qvec) if x.sentence.id not in have
                and x.sentence.id not in exclude and any(m in x.sentence.text.replace(" ", "") for m in months)]
        room = max(self.params.max_sentences - len(chosen), 0)
        return sorted([*chosen, *more[:room]], key=lambda x: (x.paragraph.start, x.sentence.start))

    @staticmethod
    def _asked_months(q: str, intent: Intent) -> list[str]:
        """The months a question asks about, as the text writes them without spaces: "2023年7月" from
        2023年7月 or "in July 2023" (a month without its year is no literal criterion)."""
        out = [f"{y}年{int(m)}月" for y, m in re.findall(r"(\d{4})\s*年\s*(\d{1,2})\s*月", q)]
        if len(intent.years) == 1:
            out += [f"{intent.years[0]}年{EN_MONTHS.index((a or b).lower()[:3]) + 1}月" for a, b in EN_MONTH.findall(q)]
        return list(dict.fromkeys(out))

    def _case_sentences(self, case_no: int, q: str, intent: Intent, qvec: np.ndarray) -> list[_Scored]:
        """Every sentence of a case, scored for the question (for a case retrieval did not reach)."""
        chunks = [c for c in self.index.chunks if c.case == case_no and c.section_kind != TABLE]
        return self._scored(q, intent, _as_hits(chunks), qvec, cross=True)

    def _pair_cases(self, q: str) -> list[int]:
        """The two cases of "供水可靠性和破产审判这两个案例" when no name picks them out: each side of 和 is
        searched on its own and must lead to a different case."""
        m = PAIR_OF_CASES.search(q) or PAIR_EACH.search(q)
        if not m:
            return []
        found = []
        for part in (m.group(1), m.group(2)):
            hits = [h for h in self.searcher.search(part, k=3) if h.chunk.section_kind != TABLE]
            if not hits:
                return []
            found.append(hits[0].chunk.case)
        return found if len(set(found)) == 2 else []

    def _distinctive_terms(self) -> dict[str, tuple[int, ...]]:
        """Domain terms (quoted names, titles, abbreviations) and the cases whose text contains them."""
        out = {}
        for term in self.index.terms:
            t = term.replace("·", "")
            cases = tuple(n for n, text in self._bare_case_text.items() if t in text)
            if cases and len(t) >= 2:
                out[t] = cases
        return out

    def _cross(self, q: str, intent: Intent, topic: str, named: list[int],
               mention: tuple[list[str], list[int]] | None = None) -> Answer:
        p = self.params
        if len(named) < 2:  # one named case does not make a list: search them all
            named = []
        qvec = self.searcher.query_vector(topic)
        hits = self.searcher.search(topic, k=40, cases=named or None)
        hits = [h for h in hits if h.chunk.section_kind != TABLE] or hits
        scored = self._scored(q, intent, hits, qvec, cross=True)
        related = self._related(hits)
        # which cases belong in the list is a matter of topic (哪些案例的做法被媒体报道过); the section the
        # question names (做法 → 主要做法) only says what to quote from each, so it does not decide membership
        ranking = self._scored(q, replace(intent, section=None), hits, qvec, cross=True) if (
            intent.section and not named and not intent.every_case) else scored
        by_case: dict[int, list[_Scored]] = {}
        for s in ranking:
            by_case.setdefault(s.paragraph.case, []).append(s)
        quote_pools: dict[int, list[_Scored]] = {}
        for s in scored:
            quote_pools.setdefault(s.paragraph.case, []).append(s)
        if not by_case:
            return self._refuse(q, intent, related, topic=topic)
        ranked = sorted(by_case.items(), key=lambda kv: -kv[1][0].score)
        best = ranked[0][1][0]
        terms, mentioned = mention or (
            ([], []) if named or intent.every_case or not MENTION_ASKED.search(q) else self._mentions(q))
        any_of = False  # the terms are alternatives: a sentence holding one of them will do
        mentioned = mentioned if len(terms) == 1 else []
        if not mentioned and not named and not intent.every_case and "list" in intent.wants and (
                quoted := self._quoted_cases(intent)) and len(quoted) >= 2:
            # the cases that write the quoted term (or one of them), each where it does
            terms, mentioned, any_of = list(intent.quoted), quoted, True
        # "2023年7月，各案例有什么动作": what happened that month, in the cases that write it — a literal
        # criterion like a mention, and every event of the month is quoted
        months = [] if intent.wants & {"number", "date"} else self._asked_months(q, intent)
        if months and not mentioned:
            dated = [c for c in self._cases_writing(months) if not named or c in named]
            if 0 < len(dated) < 0.8 * len(self._bare_case_text) or (named and dated):
                terms, mentioned = months, dated
        # every case has the section 各个案例的背景 asks for, and a case that writes the name asked about
        # (市税务局在哪几个案例里出现过) holds it: that is the evidence, whatever the scores say
        # (several cases answer a list question, so dense and BM25 putting different ones first is no sign of
        # weak evidence; with the cases named, retrieval ran inside them and says even less)
        # "水务和医保两个案例的成效里各有什么数字": a section of cases the user named, asked for nothing narrower
        # than the form of the answer, is there by construction (as in a one-case answer); retrieval scores say
        # nothing about it
        whole_sections = len(named) >= 2 and intent.section is not None and not self._beyond_section(
            intent, named, form_words=True)
        if (not intent.every_case and not mentioned and not whole_sections
                and not self._supported(best, hits, intent, agreement=False)):
            return self._refuse(q, intent, related, topic=topic)
        if named:
            keep = [(c, pool) for c, pool in ranked if c in named]
        else:
            # a case belongs in the list when its best sentence scores near the best, or covers the question's
            # words nearly as well as the best does
            keep = [(c, pool) for c, pool in ranked
                    if (pool[0].score >= best.score - p.cross_margin
                        or (best.lex > 0 and pool[0].lex >= p.cross_lex_ratio * best.lex))
                    and self._supported(pool[0], hits, intent, agreement=False)]
        if mentioned:
            # 哪些案例提到了粤港澳大湾区: the cases whose text writes it, and no other — a literal, checkable
            # criterion where scores near the best miss some — each quoted where it writes it
            forms = [tuple(terms)] if months or any_of else [_name_forms(t) for t in terms]

            def holds(x: _Scored) -> bool:
                flat = x.sentence.text.replace(" ", "").replace("·", "")
                return all(any(v in flat for v in names) for names in forms)

            pools = dict(keep)
            keep = []
            for c in mentioned:
                pool = pools.get(c) or by_case.get(c) or []
                # (every place the case writes it, retrieved or not: 联合深圳市税务局 in its background too)
                holding = [x for x in pool if holds(x)]
                have = {x.sentence.id for x in holding}
                holding += [x for x in self._case_sentences(c, q, intent, qvec) if holds(x) and x.sentence.id not in have]
                if holding:
                    # (…from the section the question names, where it writes it there: 在背景里提到)
                    holding.sort(key=lambda x: intent.section is not None and x.paragraph.section_kind != intent.section)
                    keep.append((c, holding + [x for x in pool if x not in holding]))
        keep = keep if intent.every_case else keep[: p.cross_max_cases]
        # "惠及了多少家企业？服务了多少个体户？": a unit belongs to one of several figure questions, not to every line
        lead_intent = replace(intent, unit="") if len(re.findall(r"多少|几", q)) > 1 else intent
        groups = []
        # a list of one case, none named ("药店和社康各结算了多少人次" is one case's two parts): that case must
        # answer as a one-case answer would, what is counted included
        alone = len(keep) == 1 and not named and not mentioned and not intent.every_case
        # a case the user named that does not answer is said to, not left out unremarked
        unanswered = [(c, "这方面的内容") for c in named if c not in {k for k, _ in keep}]
        for c, pool in sorted(keep, key=lambda kv: kv[0]):
            missing = self._unmet_constraints(intent, pool, c, counted=alone)
            if missing:
                if alone:
                    return self._refuse(q, intent, related, topic=topic, missing=tuple(missing))
                if named:
                    unanswered.append((c, missing[0]))
                continue
            narrow = replace(self.params, max_sentences=2, max_chars=p.cross_line_chars)
            if named:  # "A和B各取得了什么成效": each case answers from the section asked for
                pool = self._section_pool(q, intent, pool, c, qvec, "", set())
            elif ranking is not scored and c in quote_pools and c not in mentioned:
                pool = quote_pools[c]
            if months and c in mentioned:  # every event of the month, in the order the case tells them
                events = [x for x in pool if holds(x)][: narrow.max_sentences + 1]
                groups.append((self.corpus.case(c), sorted(events, key=lambda x: x.sentence.start)))
                continue
            # each line leads with what is asked, as a one-case answer does (a figure in the unit asked, a date),
            # among the sentences that write what a which-cases question names, when it names something
            holding = [x for x in pool if holds(x)] if c in mentioned else pool
            pool = self._led(q, lead_intent, holding) + [x for x in pool if x not in holding]
            if c in mentioned:
                # where a case writes the name asked about is the answer: each place it does, as the line allows
                # (市税务局 is among the bodies a 企·航 visit went to, and answers the firms' requests)
                chosen: list[_Scored] = []
                for x in pool[: len(holding)]:
                    if len(chosen) < narrow.max_sentences and (not chosen or sum(
                            len(y.sentence.text) for y in chosen) + len(x.sentence.text) <= narrow.max_chars):
                        chosen.append(x)
                groups.append((self.corpus.case(c), sorted(chosen, key=lambda x: (x.paragraph.start, x.sentence.start))))
                continue
            chosen: list[_Scored] = []
            if named:
                part = self._own_part(q, c, named)
                # (the part's own intent: a name quoted for another case, “办不成事”, is no constraint on this one)
                own = lead_intent
                if part != q:
                    own = self._intent(part)
                    own = own if lead_intent.unit else replace(own, unit="")
                chosen = self._alone(part, own, topic, c)
            chosen = chosen or self._select(pool, intent, narrow)
            if not self._where_told(intent, chosen):
                # 那13个平台分别在哪些城市: a line that names no place where says nothing of where
                if alone:
                    return self._refuse(q, intent, related, topic=topic, missing=("问题所问的地点",))
                if named:
                    unanswered.append((c, "问题所问的地点"))
                continue
            groups.append((self.corpus.case(c), chosen))
        if not groups:
            return self._refuse(q, intent, related, topic=topic)
        missing = tuple(f"{case_label(self.corpus.case(c), with_title=False)}里{m}" for c, m in sorted(unanswered))
        return self._compose(q, intent, groups, related, topic=topic, missing=missing)

    def _own_part(self, q: str, case_no: int, named: Sequence[int]) -> str:
        """"医保局搞异地结算、政数局搞“办不成事”窗口，各自依托什么平台" as case 4 alone is asked it: without the
        words that name the other cases (政数局, 办不成事, 窗口), which would draw case 4's sentences that share
        them rather than those that answer."""
        others = set().union(*(self._identity.get(c, set()) for c in named if c != case_no))
        own = self._identity.get(case_no, set())
        # (words of their own, not those every case uses: 出台 in case 9's title is no name of it)
        drop = [t for t in self.tokenize(q) if len(t) >= 2 and t in others and t not in own
                and sum(t in text for text in self._case_text.values()) <= 2]
        # (…and the other cases' bodies, which this case never writes: 政数局)
        drop += [b for b in self._bodies_named(q) if not self._writes_body(case_no, b)]
        for t in sorted(drop, key=len, reverse=True):
            q = q.replace(t, "")
        return re.sub(r"“\s*”|《\s*》", "", q)

    def _alone(self, q: str, intent: Intent, topic: str, case_no: int) -> list[_Scored]:
        """What a case the user named in a cross-case question says when asked alone, at a one-case answer's
        length: in "数据合规指引和前海财税集聚区，各自是和哪些部门一起做的" case 7 answers as a one-case question
        would (its own retrieval inside the case; the sentence that does what is asked, naming 深圳市税务局、
        市财政局, leads), not with the best of what a search over both cases brought up. Empty when the case
        alone would be refused, and the cross-case line stands."""
        one = self._single(q, replace(intent, cross_case=False, which_case=False, case_refs=()), topic, [case_no],
                           "", "", set())
        if one.abstained:
            return []
        sentences = [s for _, sid in one.items if (s := self._sentence(sid)) is not None]
        return [_Scored(s, self._para_of[s.id], 0.0, 0.0, 0.0) for s in sentences]

    # ------------------------------------------------------------ the index table

    def _table(self, q: str, intent: Intent, note: str = "", topic: str = "") -> Answer:
        rows = self._rows
        if not rows:
            return self._refuse(q, intent, (), topic=topic or q, note=note)
        if intent.count_cases:
            last = rows[max(rows)]
            cit = self._citation(1, last, 0, len(last.text))
            text = f"案例索引表共列出这些案例，最后一行是：{last.text}[1]"
            return Answer(q, text, False, (cit,), (), note, (), tuple(sorted(rows)), topic or q,
                          tuple((c, rows[c].sentences[0].id) for c in sorted(rows)), intent)
        asked = " ".join((q, *intent.spelled))  # (an English question names a unit in pinyin: Qianhai is 前海)
        if intent.all_rows:
            wanted = sorted(rows)
        elif intent.position:
            order = sorted(rows)
            k = intent.position
            wanted = [order[k - 1 if k > 0 else k]] if -len(order) <= k <= len(order) else []
        else:
            wanted = list(intent.case_refs) or self._named_cases(asked)
        missing: tuple[str, ...] = ()
        if (not intent.case_refs and not intent.all_rows and not intent.position and SUBMITTED_BY.search(q)
                and (bodies := self._bodies_spelled(q)) and not any(self._unit_cases(b) for b in bodies)):
            # 市税务局交了啥案例: a body the cases name (in case 7) that submitted none of them is no row's unit
            missing = tuple(f"{b}报送的案例" for b in bodies)
        elif not wanted and not intent.all_rows and not intent.position and (unknown := self._unknown_bodies(q)):
            # 市人力资源和社会保障局报送了什么案例: a unit no row or case names submitted none of them
            missing = tuple(f"“{b}”" for b in unknown)
        if missing:
            return self._refuse(q, intent, self._related(self.searcher.search(asked, k=3)), topic=topic or q,
                                note=note, missing=missing)
        if not wanted and not intent.all_rows and not intent.position:
            hits = self.searcher.search(asked, k=3)
            if hits and hits[0].chunk.section_kind != TABLE:
                # 允许债权人推荐管理人的那个案例是哪个单位报的: a case told by what it did (a passage, not a row,
                # matches best) is found, and checked, as a which-case question is, and answered by its row and
                # the sentence that tells it
                return self._single(q, replace(intent, table=False, which_case=True), topic or q, None, note, "",
                                    set())
            wanted = [hits[0].chunk.case] if hits else []
            if wanted and (missing := tuple(self._unmet_constraints(intent, [], wanted[0]))):
                # (…and the row's case must meet what the question asks of it: 做人工智能监管的 is no case's)
                return self._refuse(q, intent, self._related(hits), topic=topic or q, note=note, missing=missing)
        wanted = [c for c in wanted if c in rows]
        if not wanted:
            return self._refuse(q, intent, (), topic=topic or q, note=note)
        cits = []
        lines = []
        for n, c in enumerate(wanted, 1):
            row = rows[c]
            cits.append(self._citation(n, row, 0, len(row.text)))
            lines.append(f"{case_label(self.corpus.case(c), with_title=False)}：{row.text}[{n}]")
        text = (note + "\n" if note else "") + "\n".join(lines)
        return Answer(q, text, False, tuple(cits), (), note, (), tuple(wanted), topic or q,
                      tuple((c, rows[c].sentences[0].id) for c in wanted), intent)

    # ------------------------------------------------------------ follow-up by position

    def _ordinal(self, q: str, intent: Intent, prev: Answer, m: re.Match, note: str) -> Answer:
        token = m.group(1)
        from caseqa.corpus import cn_number

        k = int(token) if token.isdigit() else cn_number(token)
        items = prev.items
        listed = prev.case_listing or tuple(dict.fromkeys(c for c, _ in items))
        if len(listed) > 1:  # the previous answer listed cases (or walks through such a list): the k-th case
            if k > len(listed):
                return self._refuse(q, intent, prev.related, topic=prev.topic, note=note,
                                    missing=(f"上一条回答中的第{token}项",))
            case_no = listed[k - 1]
            note = f"（接上文：{case_label(self.corpus.case(case_no))}）"
            if intent.table:  # 第五个案例是谁报送的: that case's row
                ans = self._table(q, replace(intent, case_refs=(case_no,), all_rows=False, position=0),
                                  note=note, topic=prev.topic)
            elif intent.wants or intent.section:  # 第二个的成效呢: the question's own ask, about that case
                ans = self._single(q, intent, f"{prev.topic} {q}", [case_no], note, prev.topic, set())
            else:
                ans = self._single(q, replace(intent, wants=prev.intent.wants, section=prev.intent.section),
                                   prev.topic, [case_no], note, "", set())
            return replace(ans, case_listing=listed)
        sentences = self._enumeration(prev, k)
        # a list question answered by one sentence that lists inline (包括A、B、C等) counts in that sentence;
        # otherwise the inline list is the last resort
        # (…unless it quoted counted points, 一是…；二是…, which are the list)
        inline_first = "list" in prev.intent.wants and len(prev.listing) < 2 and sum(
            bool((x := self._sentence(sid)) and LIST_ITEM.match(x.text)) for _, sid in prev.items) < 2
        if inline_first or k > len(sentences):
            inline = self._inline_item(prev, k)
            if inline is not None:
                ans = self._compose(q, intent, [(self.corpus.case(inline.paragraph.case), [inline])], prev.related,
                                    note=note, topic=prev.topic)
                return replace(ans, listing=prev.listing)
        if k > len(sentences):
            return self._refuse(q, intent, prev.related, topic=prev.topic, note=note,
                                missing=(f"上一条回答中的第{token}项",))
        s = sentences[k - 1]
        para = self._para_of[s.id]
        chosen = [s]
        # (一是帮助企业“找市场”。 heading its own paragraph is such a title too)
        heads_paragraph = bool(LIST_ITEM.match(s.text)) and len(s.text) <= 40 and para.sentences[0].id == s.id
        if SUBPOINT_TITLE.match(s.text) or heads_paragraph:
            # a measure's title only names it: what follows in its paragraph says what was done
            size = len(s.text)
            for i, x in enumerate(x for x in para.sentences if x.start >= s.end):
                if i > 0 and size + len(x.text) > self.params.max_chars:
                    break
                chosen.append(x)
                size += len(x.text)
        scored = [_Scored(x, para, 1.0, 1.0, 1.0) for x in chosen]
        ans = self._compose(q, intent, [(self.corpus.case(para.case), scored)], prev.related, note=note,
                            topic=prev.topic)
        return replace(ans, listing=tuple(x.id for x in sentences))

    def _inline_item(self, prev: Answer, k: int) -> _Scored | None:
        """The k-th item of a list written inside one quoted sentence of the previous answer (包括A、B、C等),
        quoted on its own; None when no quoted sentence lists that many."""
        for _, sid in prev.items:
            s = self._sentence(sid)
            if s is None:
                continue
            # "一是…；二是…；三是…" in one sentence: its k-th point; else its 、-list (包括A、B、C等)
            spans = marked_points(s.text)
            spans = spans if len(spans) >= 2 else inline_items(s.text, self.index.tokenize.words)
            if len(spans) >= k:
                a, b = spans[k - 1]
                item = Sentence(s.id, s.paragraph_id, s.text[a:b], s.start + a, s.start + b)
                return _Scored(item, self._para_of[s.id], 1.0, 1.0, 1.0)
        return None

    def _enumeration(self, prev: Answer, k: int) -> list[Sentence]:
        """The list a previous answer quoted from, long enough to have a k-th item: the sentences it quoted
        when it quoted a list, its paragraph's items (一是…二是…), or its section's sub-points （一）（二）…."""
        if len(prev.listing) >= max(k, 2):
            return [s for sid in prev.listing if (s := self._sentence(sid)) is not None]
        if not prev.items:
            return []
        quoted = [s for _, sid in prev.items if (s := self._sentence(sid)) is not None and LIST_ITEM.match(s.text)]
        first = self._para_of.get(prev.items[0][1])
        if first is None:
            return []
        items = [s for s in first.sentences if LIST_ITEM.match(s.text) and not SUBPOINT_TITLE.match(s.text)]
        section = [p for p in self.corpus.paragraphs if p.section_id == first.section_id]
        heads = [p.sentences[0] for p in section if LIST_ITEM.match(p.sentences[0].text)]
        for candidate in (quoted, items, heads):
            if len(candidate) >= max(k, 2):
                return candidate
        return []

    def _sentence(self, sid: str) -> Sentence | None:
        para = self._para_of.get(sid)
        return next((s for s in para.sentences if s.id == sid), None) if para else None

    # ------------------------------------------------------------ output

    def _citation(self, n: int, para: Paragraph, start: int, end: int) -> Citation:
        case = self.corpus.case(para.case)
        return Citation(n, para.id, case.number, case.title, case.unit, para.section_label, para.text,
                        para.text[start:end], start, end)

    def _compose(
        self, q: str, intent: Intent, groups: list[tuple[Case, list[_Scored]]], related: Sequence[Related],
        note: str = "", topic: str = "", missing: tuple[str, ...] = (),
    ) -> Answer:
        """Turn chosen sentences into answer text with markers; adjacent sentences of a paragraph share a quote."""
        citations: list[Citation] = []
        lines = []
        items: list[tuple[int, str]] = []
        for case, chosen in groups:
            parts = []
            spans: list[tuple[Paragraph, int, int]] = []
            for s in sorted(chosen, key=lambda x: x.sentence.start):
                para = s.paragraph
                a, b = s.sentence.start - para.start, s.sentence.end - para.start
                if spans and spans[-1][0].id == para.id and spans[-1][2] == a:
                    spans[-1] = (para, spans[-1][1], b)
                else:
                    spans.append((para, a, b))
                items.append((case.number, s.sentence.id))
            for para, a, b in spans:
                # trailing spaces are not part of what we quote
                while b > a and para.text[b - 1].isspace():
                    b -= 1
                n = len(citations) + 1
                citations.append(self._citation(n, para, a, b))
                parts.append(f"{para.text[a:b]}[{n}]")
            # (one case's answer says which case by number and unit, as the sources under it give the title,
            # unless the question asks about cases; lines of several cases each carry a short title to tell
            # them apart)
            titled = len(groups) > 1 or intent.which_case or bool(CASE_WORD.search(q))
            lines.append(f"{case_label(case, with_title=titled)}：" + "".join(parts))
        text = "\n".join(lines)
        if note:
            text = f"{note}\n{text}"
        if missing:
            text += "\n案例材料中没有找到：" + "；".join(missing) + "。"
        cited = {c.chunk_id for c in citations}
        rel = tuple(r for r in related if r.chunk_id not in cited)[:3]
        return Answer(q, text, False, tuple(citations), rel, note, missing,
                      tuple(dict.fromkeys(c.number for c, _ in groups)), topic or q, tuple(items), intent)

    def _related(self, hits: list[Hit]) -> tuple[Related, ...]:
        out = []
        seen = set()
        for h in hits:
            pid = h.chunk.paragraph_id
            if pid in seen:
                continue
            seen.add(pid)
            para = self.corpus.paragraph(pid)
            case = self.corpus.case(para.case)
            out.append(Related(pid, case.number, case.title, case.unit, para.section_label, para.text,
                               round(h.score, 6)))
        return tuple(out[:5])

    def _refuse(
        self, q: str, intent: Intent, related: Sequence[Related], topic: str = "", note: str = "",
        missing: tuple[str, ...] = (),
    ) -> Answer:
        text = "案例材料中没有找到" + "、".join(missing) + "，无法回答这个问题。" if missing else REFUSAL
        if related:
            text += "下面是最接近的段落，供您核对。"
        if note:
            text = f"{note}\n{text}"
        cases = tuple(dict.fromkeys(r.case for r in related[:1]))
        return Answer(q, text, True, (), tuple(related)[:3], note, missing, cases, topic or q, (), intent)


_ANSWERERS: dict[int, Answerer] = {}


def answer(question: str, runtime: Runtime, history: Sequence[Answer | str] | None = None,
           cases: Sequence[int] | None = None) -> Answer:
    """Answer one question over a loaded runtime (the Answerer is built once per runtime and reused)."""
    a = _ANSWERERS.get(id(runtime))
    if a is None or a.rt is not runtime:
        a = _ANSWERERS[id(runtime)] = Answerer(runtime)
    return a.answer(question, history=history, cases=cases)


def answer_json(ans: Answer, id_: object = None) -> dict:
    """The JSON shape of ``caseqa ask --json`` and of the batch output."""
    out = {"id": id_, "question": ans.question, "answer": ans.text, "abstained": ans.abstained}
    out["citations"] = [
        {"n": c.n, "chunk_id": c.chunk_id, "case": c.case, "case_title": c.case_title, "unit": c.unit,
         "section": c.section, "text": c.text, "quote": c.quote, "start": c.start, "end": c.end}
        for c in ans.citations
    ]
    out["related"] = [
        {"chunk_id": r.chunk_id, "case": r.case, "case_title": r.case_title, "unit": r.unit,
         "section": r.section, "text": r.text, "score": r.score}
        for r in ans.related
    ]
    if ans.context_note:
        out["context"] = ans.context_note
    if ans.missing:
        out["missing"] = list(ans.missing)
    if ans.warnings:
        out["warnings"] = list(ans.warnings)
    return out
