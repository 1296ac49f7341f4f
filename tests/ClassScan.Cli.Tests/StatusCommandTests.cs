using ClassScan.Cli.Commands;
using ClassScan.State.Work;

namespace ClassScan.Cli.Tests;

public sealed class StatusCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 23, 0, 0, TimeSpan.Zero);

    private static NodeStatus Node(string id, TimeSpan silentFor, bool stopped = false, params LeaseStatus[] leases) =>
        new(new NodeInfo(id, "skanner1", 4242, Now.AddHours(-1), TimeSpan.FromMinutes(5)), Now - silentFor, stopped, TimeSpan.FromMinutes(5),
            new NodeCounters(1000, 900, 900, 950, 3, 960), leases);

    private static string Write(ScanStatus status)
    {
        var o = new StringWriter();
        StatusCommand.Write(o, status, "PostgreSQL-databasen classscan på db1", ScanComposition.CreateNameRedactor(TimeProvider.System));
        return o.ToString();
    }

    [Fact]
    public void Write_NodesByHeartbeat_AliveDeadAndStoppedWithLeasesAndEta()
    {
        var text = Write(new ScanStatus
        {
            Now = Now,
            Engine = "PostgreSQL",
            Nodes =
            [
                Node("nod-a", TimeSpan.FromSeconds(20), leases: new LeaseStatus("d1", "Socialtjänst/Dokument", Now.AddMinutes(4))),
                Node("nod-b", TimeSpan.FromMinutes(6)),
                Node("nod-c", TimeSpan.FromMinutes(1), stopped: true),
            ],
            UnitsTotal = 10, UnitsDone = 4, UnitsHeld = 1, ItemsJudged = 5000, JudgedRecently = 600, StagedLeft = 1200, Window = TimeSpan.FromMinutes(5),
        });

        Assert.Contains("Noder: 3 (1 levande, 1 avslutade, 1 döda)", text);
        Assert.Contains("nod-a: levande", text);
        Assert.Contains("nod-b: död", text);
        Assert.Contains("nod-c: avslutad", text);
        Assert.Contains("lånar Socialtjänst/Dokument till", text);
        Assert.Contains("10 totalt, 4 klara, 1 pågår, 6 kvar", text);
        Assert.Contains("600 de senaste 5 min 0 s (2.00 filer/s)", text);
        Assert.Contains("Beräknad tid kvar för de listade: 10 min 0 s", text);   // 1200 files at 2/s
    }

    [Fact]
    public void Write_NameHoldsAPersonnummer_Masked()
    {
        var text = Write(new ScanStatus
        {
            Now = Now,
            Engine = "PostgreSQL",
            Nodes = [Node("nod 19121212-1212", TimeSpan.Zero, leases: new LeaseStatus("d1", "OneDrive 19121212-1212 Tolvan", Now.AddMinutes(1)))],
            Window = TimeSpan.FromMinutes(5),
        });

        Assert.DoesNotContain("1212-1212", text);
        Assert.Contains("19121212-****", text);
    }

    [Fact]
    public void Write_NothingMovesAndNothingStaged_NoEta()
    {
        var text = Write(new ScanStatus { Now = Now, Engine = "SQLite", Window = TimeSpan.FromMinutes(5), LastRun = (7, Now.AddHours(-2), Now.AddHours(-1), true) });

        Assert.Contains("Senaste körning: nr 7", text);
        Assert.Contains("Inget listat väntar.", text);
        Assert.DoesNotContain("Beräknad tid kvar", text);
    }
}
