"""English and Chinese lines that, with the sample article, train the tiny package's tokenizer."""

from __future__ import annotations

import itertools

# Templates crossed with fillers give a few hundred varied lines without shipping a data file;
# the point is only that Latin letters, digits, punctuation and hanzi all get their own pieces.
_EN_SUBJECTS = (
    "Alibaba",
    "Alipay",
    "Ant Financial",
    "Apple Pay",
    "The company",
    "Mr. Ma",
    "The U.S. regulator",
    "Australian banks",
    "Korean exporters",
    "Chinese shoppers",
)
_EN_VERBS = (
    "announced a new branch in Sydney",
    "reported sales of 10 trillion won on Singles' Day",
    "signed a partnership with Paybang",
    "plans to expand into 6 overseas markets",
    "said on Wednesday that growth would continue",
    "raised $15 million from investors",
    "opened an office in Seoul (South Korea)",
    "cut its fees by 3.5% for small merchants",
)
_EN_TAILS = ("", ", according to the Economic Information Daily.", " last year.", "?")

_ZH_SUBJECTS = (
    "阿里巴巴",
    "支付宝",
    "蚂蚁金服",
    "苹果公司",
    "澳大利亚银行",
    "韩国企业",
    "中国消费者",
    "马云",
)
_ZH_VERBS = (
    "宣布在悉尼设立新的分公司",
    "在双十一当天实现了十万亿韩元的销售额",
    "与当地支付企业合作",
    "计划进军第六个海外市场",
    "表示电子商务将继续增长",
    "从投资者处筹集了1500万美元",
    "在首尔开设了办事处",
    "将小商户的手续费降低了3.5%",
)
_ZH_TAILS = ("。", "，据《经济参考报》报道。", "？", "！")
_ZH_TRADITIONAL = (
    "支付寶在澳洲設立分公司。",
    "螞蟻金融服務集團正式成立。",
    "經濟參考報十九日報導。",
    "電子商務市場持續擴大。",
)


def english_lines() -> list[str]:
    return [
        f"{subject} {verb}{tail or '.'}"
        for subject, verb, tail in itertools.product(_EN_SUBJECTS, _EN_VERBS, _EN_TAILS)
    ]


def chinese_lines() -> list[str]:
    lines = [
        f"{subject}{verb}{tail}"
        for subject, verb, tail in itertools.product(_ZH_SUBJECTS, _ZH_VERBS, _ZH_TAILS)
    ]
    return lines + list(_ZH_TRADITIONAL)
