using ClassScan.Core.Scanning;
using ClassScan.Reporting.Departments;

namespace ClassScan.Reporting.Tests;

public sealed class DepartmentMapTests
{
    private static readonly DepartmentMap Map = new(
    [
        new DepartmentRule("Socialförvaltningen") { SiteUrls = ["https://kommun.sharepoint.com/sites/Soc/"], PathGlobs = ["Socialtjänst/**"] },
        new DepartmentRule("Barn- och utbildningsförvaltningen") { Drives = ["b!skola123", "Elevhälsa"], Owners = ["*@skola.kommun.se"] },
        new DepartmentRule("Kommunstyrelseförvaltningen") { PathGlobs = ["**/*.xlsx"] },
    ]);

    private static SourceItem Item(string path, string? url = null, string? owner = null, string? id = null) =>
        new(id ?? path, path, null, null) { WebUrl = url, LastModifiedBy = owner };

    [Theory]
    [InlineData("https://kommun.sharepoint.com/sites/Soc/Delade dokument/a.docx", "Socialförvaltningen")]
    [InlineData("https://KOMMUN.sharepoint.com/sites/soc", "Socialförvaltningen")]
    [InlineData("https://kommun.sharepoint.com/sites/Social/a.docx", DepartmentMap.Unknown)] // a prefix, not the site
    public void Resolve_SiteUrl_MatchesSiteAndBelowOnly(string url, string expected) =>
        Assert.Equal(expected, Map.Resolve(Item("/x/a.docx", url)));

    [Fact]
    public void Resolve_DriveIdPrefixOrLibraryName_Matches()
    {
        Assert.Equal("Barn- och utbildningsförvaltningen", Map.Resolve(Item("/Dokument/a.docx", id: "b!skola123/01ABC")));
        Assert.Equal("Barn- och utbildningsförvaltningen", Map.Resolve(Item("Elevhälsa/2025/a.docx")));
        Assert.Equal(DepartmentMap.Unknown, Map.Resolve(Item("/Dokument/a.docx", id: "b!skola1234/01ABC")));
    }

    [Fact]
    public void Resolve_OwnerWildcard_CaseInsensitive() =>
        Assert.Equal("Barn- och utbildningsförvaltningen", Map.Resolve(Item("/x/a.docx", owner: "Anna.Berg@SKOLA.kommun.se")));

    [Fact]
    public void Resolve_SeveralRulesMatch_FirstInConfigurationWins() =>
        Assert.Equal("Socialförvaltningen", Map.Resolve(Item("/g/Socialtjänst/lista.xlsx")));

    [Fact]
    public void Resolve_NothingMatches_Unknown()
    {
        Assert.Equal(DepartmentMap.Unknown, Map.Resolve(Item("/g/Annat/a.docx")));
        Assert.Equal(DepartmentMap.Unknown, DepartmentMap.Empty.Resolve(Item("/g/a.docx")));
    }

    [Fact]
    public void Names_ConfiguredThenUnknown() =>
        Assert.Equal(["Socialförvaltningen", "Barn- och utbildningsförvaltningen", "Kommunstyrelseförvaltningen", DepartmentMap.Unknown], Map.Names);

    [Theory]
    [InlineData("Socialförvaltningen", "Socialförvaltningen.csv")]
    [InlineData("Kultur/Fritid", "Kultur_Fritid.csv")]
    [InlineData("a:b*c?\"<>|", "a_b_c_____.csv")]
    [InlineData("..", "_.csv")]
    [InlineData(DepartmentMap.Unknown, "okänd.csv")]
    public void FileNameFor_KeepsSwedishReplacesInvalid(string name, string expected) =>
        Assert.Equal(expected, DepartmentMap.FileNameFor(name));
}
