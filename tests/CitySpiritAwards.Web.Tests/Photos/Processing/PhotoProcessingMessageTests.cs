using System.Globalization;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Photos.Processing;

namespace CitySpiritAwards.Web.Tests.Photos.Processing;

/// <summary>Every refusal has a message in 简体中文 and English, with its limits filled in.</summary>
public sealed class PhotoProcessingMessageTests
{
    private static readonly StringCatalog Catalog = StringCatalog.FromFolder(
        Path.Combine(RepositoryPaths.Root, "src", "CitySpiritAwards.Web", "Localization", "Strings"));

    public static TheoryData<PhotoProblem> Problems => [.. Enum.GetValues<PhotoProblem>()];

    [Theory]
    [MemberData(nameof(Problems))]
    public void Every_problem_has_a_message_in_both_languages_with_its_limits_filled_in(PhotoProblem problem)
    {
        var key = PhotoProblems.MessageKey(problem);
        var arguments = PhotoProblems.MessageArguments(problem, PhotoRules.Default, "GIF").ToArray();

        Assert.StartsWith("Photos.", key);
        foreach (var culture in StringCatalog.Cultures)
        {
            var text = Catalog.Find(key, CultureInfo.GetCultureInfo(culture));
            Assert.False(string.IsNullOrWhiteSpace(text), $"{key} has no {culture} text");
            var message = string.Format(CultureInfo.GetCultureInfo(culture), text, arguments);
            Assert.DoesNotContain("{", message);
        }
    }

    [Fact]
    public void The_size_limit_reads_as_whole_megabytes()
    {
        var arguments = PhotoProblems.MessageArguments(PhotoProblem.TooLarge, PhotoRules.Default).ToArray();

        var english = string.Format(CultureInfo.GetCultureInfo("en"), Catalog.Find("Photos.TooLarge", CultureInfo.GetCultureInfo("en"))!, arguments);
        var chinese = string.Format(CultureInfo.GetCultureInfo("zh-CN"), Catalog.Find("Photos.TooLarge", CultureInfo.GetCultureInfo("zh-CN"))!, arguments);

        Assert.Equal("Each photo must be 10 MB or smaller. Please make it smaller and try again.", english);
        Assert.Equal("每张照片不能超过 10 MB，请缩小后再上传。", chinese);
    }
}
