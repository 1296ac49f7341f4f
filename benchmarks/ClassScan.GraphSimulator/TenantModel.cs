using System.Globalization;

namespace ClassScan.GraphSimulator;

/// <summary>
/// The simulated tenant. Only its shape is held (about a thousand drives, sites and users); every file is computed
/// when asked for, from (drive, index, generation) and the seed: which template it is made of, its name, folder,
/// versions and whether it still exists. So a tenant of any size costs the same memory, and two processes
/// started with the same options serve identical tenants.
/// <para>A generation is a night. In each generation after 0, a share <c>c</c> of a drive's files changes:
/// of all changes 50 % are edits (new content, possibly a different template), 20 % renames, 10 % deletions, and
/// 20 % new files (<see cref="SimDrive.NewPerGeneration"/>). Thread-safe: immutable except the two generation
/// numbers, which are read once per request.</para>
/// </summary>
internal sealed class TenantModel
{
    public static readonly DateTimeOffset Clock = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);

    private static readonly string[] People = ["Anna Berg", "Bo Ek", "Cecilia Lund", "David Holm", "Eva Strand", "Fredrik Sjö", "Greta Dahl", "Hassan Ali"];
    private static readonly string[] Departments = ["socialtjanst", "skola", "hr", "miljo", "kultur", "teknik", "ekonomi", "vard"];

    private readonly SimOptions options;
    private readonly TemplateSet templates;
    private readonly Dictionary<(string Ext, bool Sensitive), ContentTemplate[]> pools;
    private volatile int generation;
    private volatile int minValidGeneration;

    public TenantModel(SimOptions options, TemplateSet templates)
    {
        this.options = options;
        this.templates = templates;
        generation = options.Generation;
        pools = templates.All.GroupBy(t => (t.Extension, t.MustLeave)).ToDictionary(g => g.Key, g => g.ToArray());

        // Drive sizes: uneven (a few large libraries, many small OneDrives), scaled so they sum to --items.
        var libraries = (int)Math.Round(options.Drives * (1 - options.OneDriveShare));
        var weights = new double[options.Drives];
        for (var d = 0; d < options.Drives; d++)
        {
            var u = Unit(Mix(options.Seed, d, 0, 0, 11));
            weights[d] = (d < libraries ? 1.0 : 0.4) * (0.2 + 3 * u * u);
        }
        var total = weights.Sum();
        var counts = weights.Select(w => Math.Max(1L, (long)(options.Items * w / total))).ToArray();
        counts[0] += options.Items - counts.Sum(); // the first library takes the rounding

        var drives = new List<SimDrive>();
        var sites = new List<SimSite>();
        var users = new List<SimUser>();
        for (var d = 0; d < options.Drives; d++)
        {
            var n = counts[d];
            var fresh = (long)Math.Round(n * options.ChangeShare * 0.2);
            var folders = (int)Math.Max(1, n / 100);
            if (d < libraries)
            {
                // Two libraries per site for every third site: sites and drives are not one to one.
                if (sites.Count == 0 || sites[^1].Drives.Count >= (sites.Count % 3 == 0 ? 2 : 1))
                {
                    var dep = Departments[sites.Count % Departments.Length];
                    var sid = $"sim.example,{sites.Count:D4}0000-0000-4000-8000-000000000000,{sites.Count:D4}1111-0000-4000-8000-000000000000";
                    sites.Add(new SimSite(sid, $"{char.ToUpperInvariant(dep[0])}{dep[1..]} {sites.Count}", $"https://sim.example/sites/{dep}{sites.Count:D4}", []));
                }
                var site = sites[^1];
                var name = site.Drives.Count == 0 ? "Dokument" : "Arkiv";
                site.Drives.Add(d);
                drives.Add(new SimDrive(d, $"drv{d:D4}", name, false, $"{site.WebUrl}/{(name == "Dokument" ? "Delade dokument" : name)}", null, n, fresh, folders));
            }
            else
            {
                var u = users.Count;
                var person = $"{People[u % People.Length]} {u}";
                var upn = $"user{u:D4}@sim.example";
                drives.Add(new SimDrive(d, $"drv{d:D4}", "OneDrive", true, $"https://sim-my.example/personal/user{u:D4}_sim_example/Documents", person, n, fresh, folders));
                users.Add(new SimUser($"{u:D8}-aaaa-4000-8000-000000000000", person, upn, d));
            }
        }
        Drives = drives;
        Sites = sites;
        Users = users;
        DriveById = drives.ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<SimDrive> Drives { get; }
    public IReadOnlyList<SimSite> Sites { get; }
    public IReadOnlyList<SimUser> Users { get; }
    public IReadOnlyDictionary<string, SimDrive> DriveById { get; }
    public SimOptions Options => options;
    public TemplateSet Templates => templates;

    public int Generation
    {
        get => generation;
        set => generation = value;
    }

    /// <summary>Delta tokens of an earlier generation answer 410 Gone (resyncRequired).</summary>
    public int MinValidGeneration
    {
        get => minValidGeneration;
        set => minValidGeneration = value;
    }

    /// <summary>File <paramref name="i"/> of the drive as it is at <paramref name="gen"/>; null if not yet created.</summary>
    public SimItem? Item(SimDrive d, long i, int gen)
    {
        if (i < 0 || i >= d.MaxIndex(gen)) return null;
        var created = d.CreatedIn(i);
        if (created > gen) return null;
        int cv = 0, nv = 0, last = created;
        var deleted = false;
        var existing = 0.8 * options.ChangeShare;
        for (var k = created + 1; k <= gen; k++)
        {
            if (Unit(Mix(options.Seed, d.Index, i, k, 2)) >= existing) continue;
            last = k;
            var kind = Unit(Mix(options.Seed, d.Index, i, k, 3));
            if (kind < 0.625) cv++;
            else if (kind < 0.875) nv++;
            else
            {
                deleted = true;
                break;
            }
        }
        var first = TemplateOf(d, i, 0, null);
        var template = cv == 0 ? first : TemplateOf(d, i, cv, first.Extension);
        var folder = (int)(Mix(options.Seed, d.Index, i, 0, 1) % (ulong)d.Folders);
        return new SimItem(d, i, created, cv, nv, deleted, last, folder, template, first.DocType);
    }

    /// <summary>An item id of this tenant ("0012i345"), or null.</summary>
    public (SimDrive Drive, long Index)? ParseItemId(string id)
    {
        var at = id.IndexOf('i', StringComparison.Ordinal);
        if (at != 4 || !int.TryParse(id.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d >= Drives.Count) return null;
        return long.TryParse(id.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? (Drives[d], i) : null;
    }

    public byte[] Content(SimItem item) => TemplateSet.Render(item.Template, item.Reference);

    public string ModifiedBy(SimItem item) => People[(int)(Mix(options.Seed, item.Drive.Index, item.Index, item.LastChange, 6) % (ulong)People.Length)];

    public DateTimeOffset Modified(SimItem item) =>
        Clock.AddDays(item.LastChange).AddSeconds(Mix(options.Seed, item.Drive.Index, item.Index, item.LastChange, 7) % 40_000);

    /// <summary>"Mapp 3/Mapp 14" for a folder (root-relative).</summary>
    public static string FolderPath(int f)
    {
        var parts = new List<string>();
        for (var n = f; n >= 0; n = SimDrive.ParentOf(n)) parts.Add($"Mapp {n}");
        parts.Reverse();
        return string.Join('/', parts);
    }

    private ContentTemplate TemplateOf(SimDrive d, long i, int cv, string? extension)
    {
        var sensitive = Unit(Mix(options.Seed, d.Index, i, cv, 4)) < options.SensitiveShare;
        var pick = Mix(options.Seed, d.Index, i, cv, 5);
        if (extension is null)
        {
            var all = sensitive ? templates.Sensitive : templates.Plain;
            return all[(int)(pick % (ulong)all.Count)];
        }
        // An edit keeps the file's type: the new version is a template of the same extension when there is one.
        var pool = pools.GetValueOrDefault((extension, sensitive)) ?? (sensitive ? templates.Sensitive.ToArray() : templates.Plain.ToArray());
        return pool[(int)(pick % (ulong)pool.Length)];
    }

    /// <summary>SplitMix64 over the inputs: the tenant's only source of "randomness".</summary>
    public static ulong Mix(ulong seed, long a, long b, long c, ulong salt)
    {
        var z = seed * 0x9E3779B97F4A7C15UL;
        z = Step(z ^ salt);
        z = Step(z ^ (ulong)a);
        z = Step(z ^ (ulong)b);
        z = Step(z ^ (ulong)c);
        return z;

        static ulong Step(ulong x)
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }

    public static double Unit(ulong h) => (h >> 11) * (1.0 / (1UL << 53));
}
