using System.Xml.Linq;
using ClassScan.TestSupport;

namespace ClassScan.Cli.Tests;

/// <summary>The scheduling files in deploy/ say what docs/samordnare.md promises.</summary>
public sealed class DeployFilesTests
{
    private static string Deploy(string name) => File.ReadAllText(Path.Combine(SharedData.RepoRoot, "deploy", name));

    private static Dictionary<string, List<string>> Directives(string unit) =>
        unit.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith('[') && l.Contains('='))
            .GroupBy(l => l[..l.IndexOf('=')]).ToDictionary(g => g.Key, g => g.Select(l => l[(l.IndexOf('=') + 1)..]).ToList());

    [Fact]
    public void Service_RunsScanReadOnlyExceptOutFolder()
    {
        var d = Directives(Deploy("classscan.service"));

        Assert.Contains("scan --config /etc/classscan/appsettings.json", d["ExecStart"].Single());
        Assert.Equal("oneshot", d["Type"].Single());
        Assert.Equal("strict", d["ProtectSystem"].Single());
        Assert.Equal("yes", d["NoNewPrivileges"].Single());
        Assert.Equal("/var/lib/classscan", d["ReadWritePaths"].Single());
        Assert.Equal("yes", d["PrivateTmp"].Single());
        Assert.Equal("classscan", d["User"].Single());
        Assert.Equal(["1", "4"], d["SuccessExitStatus"].Single().Split(' '));
        Assert.False(d.ContainsKey("MemoryDenyWriteExecute")); // the .NET JIT needs W+X pages
    }

    [Fact]
    public void Timer_Nightly0130()
    {
        var d = Directives(Deploy("classscan.timer"));

        Assert.Equal("*-*-* 01:30:00", d["OnCalendar"].Single());
        Assert.Equal("classscan.service", d["Unit"].Single());
        Assert.Equal("timers.target", d["WantedBy"].Single());
    }

    [Fact]
    public void WindowsTask_Daily0130_NoOverlap_RunsScanWithConfig()
    {
        var doc = XDocument.Parse(Deploy("classscan-task.xml"));
        XNamespace t = "http://schemas.microsoft.com/windows/2004/02/mit/task";

        Assert.EndsWith("T01:30:00", doc.Descendants(t + "StartBoundary").Single().Value);
        Assert.Equal("1", doc.Descendants(t + "DaysInterval").Single().Value);
        Assert.Equal("IgnoreNew", doc.Descendants(t + "MultipleInstancesPolicy").Single().Value);
        Assert.Equal("LeastPrivilege", doc.Descendants(t + "RunLevel").Single().Value);
        Assert.EndsWith("classscan.exe", doc.Descendants(t + "Command").Single().Value);
        Assert.StartsWith("scan --config ", doc.Descendants(t + "Arguments").Single().Value);
    }
}
