"""Chinese surnames as the parser needs them: which characters can start a person's name.

The parser tells a byline of bare names (`晏强国`, `陈杰 张宝丰 雷世林`) from a short headline, and
splits a closing credit of glued names (`（陈国琦朱丽琴）`), by the surname each name starts with.
The tables live here, in the lowest layer, so that `reader.lang` (names, pinyin) shares them.
"""

from __future__ import annotations


def word_list(text: str) -> tuple[str, ...]:
    """Tables of words are written as one spaced string, easier to read and edit than a list."""
    return tuple(text.split())


# Two-character surnames; a name starting with one of these is split after two characters
# (司马光 -> Sīmǎ Guāng), never after one.
COMPOUND_SURNAMES: frozenset[str] = frozenset(
    word_list(
        "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 独孤 南宫 "
        "西门 万俟 闻人 澹台 公冶 宗政 濮阳 太史 申屠 钟离 呼延 赫连 拓跋 第五 漆雕 百里 东郭 "
        "左丘 司空 仲孙 鲜于 闾丘 亓官 公羊 谷梁 乐正 梁丘 微生 羊舌 单于 即墨 巫马 公西 "
        "颛孙 壤驷 公良 夹谷 宰父 段干 东门 子车 南门 呼衍 完颜"
    )
)

# The single-character surnames that cover the great majority of Chinese people (the ~300
# most frequent in the national census lists). Rare surnames that are also everyday words
# (公, 双, 慧, 智 ...) are left out on purpose: they give more false names than real ones.
COMMON_SURNAMES: frozenset[str] = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶傅"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿"
    "桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠"
    "惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉"
    "禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修"
    "邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴"
    "昝智幸奉植衡富尧闭由".replace("公", "").replace("智", "")
)
