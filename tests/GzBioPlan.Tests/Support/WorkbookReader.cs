using System.Runtime.CompilerServices;
using System.Text;
using ExcelDataReader;

namespace GzBioPlan.Tests.Support;

/// <summary>Reads a workbook back with a different library than the one that wrote it.</summary>
public static class WorkbookReader
{
    [ModuleInitializer]
    internal static void RegisterEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Each sheet by name, as rows of cell values.</summary>
    public static Dictionary<string, List<object?[]>> Read(byte[] bytes)
    {
        using var reader = ExcelReaderFactory.CreateReader(new MemoryStream(bytes));
        var sheets = new Dictionary<string, List<object?[]>>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = reader.GetValue(i);
                rows.Add(row);
            }
            sheets[reader.Name] = rows;
        } while (reader.NextResult());
        return sheets;
    }
}
