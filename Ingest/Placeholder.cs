namespace GzBioPlan.Ingest;
