using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Bench.Scale;

/// <summary>One generated nomination: its draft, and the part of its name a moderator or visitor might search for.</summary>
public sealed record FictionalNominee(NominationDraft Draft, string? ChineseGivenName);

/// <summary>
/// Clearly fictional nominees, the same for the same number on every run: Chinese names (surname and a one- or
/// two-character given name, a few with a pinyin form after them) and Latin ones, spread over the four awards and every
/// district, with Chinese and English stories of at least 50 characters each.
/// </summary>
public sealed class FictionalNominees(IReadOnlyList<string> districtIds)
{
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
        "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
    ];

    private static readonly string[] Given =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
        "刚", "桂", "英", "华", "玉", "萍", "红", "建", "文", "辉", "力", "斌", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭",
        "宁", "龙", "林", "欢", "佳", "阳", "鹏", "飞", "慧", "琳", "晓", "梅", "雪", "倩", "婷", "颖", "雯", "岚", "瑶", "怡",
        "晨", "曦", "悦", "蕾", "薇", "琪", "璐", "洁", "琦", "楠", "峰", "毅", "锋", "诚", "嘉", "睿", "哲", "思", "远", "航",
        "振", "国", "海", "波", "东", "春", "秋", "冬", "松", "柏", "荣", "志", "德", "庆", "福", "祥", "安", "康", "和", "美",
    ];

    private static readonly string[] LatinFirst =
    [
        "Anna", "Lukas", "Sofia", "Mateo", "Emma", "Noah", "Mia", "Leon", "Olivia", "Hugo", "Clara", "Jonas", "Elena", "Felix",
        "Ines", "Marco", "Julia", "Tomas", "Nora", "Pablo", "Lena", "Oscar", "Eva", "Victor", "Alice", "Samuel", "Rosa", "Daniel",
    ];

    private static readonly string[] LatinLast =
    [
        "Zhang", "Wang", "Li", "Chen", "Müller", "Schmidt", "Rossi", "García", "Martin", "Silva", "Novak", "Kowalski", "Dubois",
        "Jensen", "Moreau", "Costa", "Ferrari", "Weber", "Lopez", "Bernard", "Fischer", "Romano", "Santos", "Nielsen",
    ];

    private static readonly string[] PinyinSurnames = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou"];

    private static readonly string[] DeedsZh =
    [
        "每天清晨为独居老人送去热腾腾的早饭", "二十年来义务修理小区里坏掉的自行车", "组织邻居们把荒废的角落变成了共享花园",
        "在社区图书室给孩子们讲故事、辅导功课", "暴雨那晚挨家挨户帮忙排水、转移物品", "把自己做裁缝的手艺免费教给刚来上海的新居民",
        "坚持十多年调解弄堂里的邻里纠纷", "带着志愿者队伍定期清理苏州河边的垃圾", "为外来务工人员的子女开设周末英语角",
        "把退休金的一部分捐给社区的助学基金", "自学手语，帮助听障居民到医院看病", "在菜场门口摆起公益磨刀摊，分文不取",
    ];

    private static readonly string[] DeedsEn =
    [
        "brings a hot breakfast to elderly neighbours who live alone every morning",
        "has mended the bicycles of the whole compound for free for twenty years",
        "turned a neglected corner of the lane into a garden the neighbours share",
        "reads stories to children and helps with homework in the community library",
        "went from door to door on the night of the storm to pump out water and move belongings",
        "teaches newcomers to Shanghai the tailoring trade, free of charge",
        "has settled disputes between neighbours in the lane for more than ten years",
        "leads volunteers who clean the banks of Suzhou Creek every month",
        "runs a weekend English corner for the children of migrant workers",
        "gives part of a modest pension to the neighbourhood's school fund",
        "learned sign language to go with deaf neighbours to their hospital appointments",
        "sharpens knives for free outside the wet market every Saturday",
    ];

    /// <summary>Nominee number <paramref name="i"/>: its award is i mod 4, so every award gets a quarter.</summary>
    public FictionalNominee Nominee(int i)
    {
        var random = new Random(i);
        var category = CategoryIds.All[i % CategoryIds.All.Count];
        var district = districtIds[random.Next(districtIds.Count)];
        var (name, given) = Name(random);
        var zh = $"{name}{Pick(random, DeedsZh)}，还{Pick(random, DeedsZh)}。街坊们都说，有这样的邻居是大家的福气，希望更多人知道这个虚构的故事（编号 {i}）。";
        var en = $"{name} {Pick(random, DeedsEn)}, and also {Pick(random, DeedsEn)}. A fictional nominee made up for the scale benchmark (number {i}).";
        var relationship = Relationships.All[random.Next(Relationships.All.Count)];
        return new FictionalNominee(new NominationDraft(category, district, name, relationship, zh, en, $"nominee-{i}@example.org", PhotoCount: 0), given);
    }

    private static (string Name, string? Given) Name(Random random)
    {
        var kind = random.Next(10);
        if (kind < 3)
            return ($"{Pick(random, LatinFirst)} {Pick(random, LatinLast)}", null);
        var surname = Pick(random, Surnames);
        var given = random.Next(5) == 0 ? Pick(random, Given) : Pick(random, Given) + Pick(random, Given);
        var name = surname + given;
        // A few write their pinyin after the characters, as people do on a form.
        return (kind == 9 ? $"{name} ({Pick(random, PinyinSurnames)} {Pick(random, LatinFirst)})" : name, given);
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
