"""``phoihop extract --engine spark``: the extraction as an Apache Spark job writing the tables
of ``graph.tables``.

Files under a URI (``s3a://``, ``hdfs://``, …) are read as binary records (``binaryFiles``);
files under a local path are listed by the driver as ``phoihop ingest`` lists them and read by
the tasks (Hadoop's local listing, without its native library, forks a ``stat`` process per
file to learn its permissions: twenty minutes before the first task at 100,000 files). Each
partition runs the project's extractor (``_extract_partition``, ``_extract_local``), and the steps of ``graph.tables`` run as Spark
operations on the same functions: copies of one content settle by a ``reduceByKey`` on the
document id, agencies and topics merge by a ``reduceByKey`` on their canonical id, directives
by one on their number key (each over the associative merge states of ``graph.tables``, so
each task sends one state per key and no Python worker gathers every document naming one
agency), and relationships take their resolved directive ends by a join in Spark SQL. The
driver collects nothing but counts. PySpark is optional (``pip install 'phoihop[spark]'``).
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, Iterable, Iterator

from phoihop.ingest.readers import DEFAULT_LIMITS, Limits
from . import schema as S
from . import tables as T
from .model import DocumentGraph, _located, canonical_path

INSTALL = "PySpark is not installed: pip install 'phoihop[spark]' (it needs Java 17 or 21)"


class SparkMissing(ImportError):
    """PySpark (an optional dependency) is not installed."""


def session(master: str = "local[*]", app: str = "phoihop extract"):
    """A Spark session on ``master``; the executors run this Python (the driver's)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkMissing(INSTALL) from None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (SparkSession.builder.master(master).appName(app)
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.parquet.compression.codec", "snappy")
               .config("spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive", "true"))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


# ---------------------------------------------------------------- in the executors

def _uri(path: str) -> str:
    """A path as Spark reads it: a local path made absolute (``file://``), a URI as it is."""
    return path if "://" in path else Path(path).resolve().as_uri()


def _local(uri: str) -> str:
    """What Spark names a file as the path ``phoihop ingest`` stores: a local file's
    canonical path; any other URI (object storage) as it is."""
    if uri.startswith("file:"):
        return canonical_path("/" + uri[len("file:"):].lstrip("/"))
    return uri


def _order(arg: int, path: str) -> tuple:
    """The place of a file in ingest order: the argument it came from, then its path
    component by component (how ``graph.loader.expand_paths`` sorts ``Path`` objects)."""
    return (arg, tuple(Path(path).parts))


def _extract_bytes(path: str, data: bytes, limits: Limits) -> tuple[DocumentGraph | None, str | None]:
    """The graph of one file's bytes (the extractor reads a file: a private copy under its
    own name), or the one-line reason it gave none."""
    from .loader import _extract

    with tempfile.TemporaryDirectory(prefix="phoihop-") as d:
        tmp = os.path.join(d, os.path.basename(path) or "document")
        with open(tmp, "wb") as fh:
            fh.write(data)
        _, graph, error = _extract(tmp, limits)
    if error:
        return None, error.replace(tmp, path)
    graph = replace(graph, path=path, warnings=[w.replace(tmp, path) for w in graph.warnings])
    return _located(graph, [path]), None


def _extract_partition(items: Iterable[tuple[int, tuple[str, bytes]]], limits: Limits,
                       meter: tuple | None = None) -> Iterator[tuple]:
    """("ok", order, graph) or ("error", order, errors row) for each (argument, (uri, bytes)).
    ``meter``: accumulators of (CPU seconds, files, bytes) spent extracting, in this task's process."""
    for arg, (uri, data) in items:
        path = _local(uri)
        started = time.process_time()
        try:
            graph, error = _extract_bytes(path, data, limits)
        except Exception as e:   # never stop the job for one file
            graph, error = None, f"{path}: extraction failed ({type(e).__name__}: {e})"
        _count(meter, started, len(data))
        yield _result(arg, path, graph, error)


def _extract_local(items: Iterable[tuple[int, str]], limits: Limits, meter: tuple | None = None) -> Iterator[tuple]:
    """As ``_extract_partition`` for (argument, path) of local files: each is extracted where it
    lies, by ``phoihop ingest``'s own worker function (same reading, limits and messages)."""
    from .loader import _extract

    for arg, name in items:
        path = canonical_path(name)
        started = time.process_time()
        _, graph, error = _extract(name, limits)
        _count(meter, started, _size(name))
        yield _result(arg, path, graph and _located(replace(graph, path=path), [path]),
                      error and error.replace(name, path))


def _count(meter: tuple | None, started: float, size: int) -> None:
    """Add one file's extraction (CPU seconds since ``started``, its bytes) to the accumulators."""
    if meter is not None:
        seconds, files, total = meter
        seconds.add(time.process_time() - started)
        files.add(1)
        total.add(size)


def _result(arg: int, path: str, graph: DocumentGraph | None, error: str | None) -> tuple:
    """("error", order, errors row) or ("ok", order, graph)."""
    if error:
        return "error", _order(arg, path), T.error_row(path, error)
    return "ok", _order(arg, path), graph


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _node_items(ranked: T.Ranked) -> Iterator[tuple[str, Any, Any]]:
    """(kind, key, value) of a settled document's nodes, for the merge each kind needs: the
    shared nodes and directives as merge states (``graph.tables``), a document's own as rows."""
    position, batch, g = ranked
    for order, n in enumerate(g.nodes):
        if n.label == S.DIRECTIVE:
            yield "directive", T.directive_key(n.props), T.directive_state(position, batch, n.props, order)
        elif n.label in (S.AGENCY, S.TOPIC):
            yield "shared", (n.label, n.id), T.shared_state(n.label, position, n.props)
        else:
            yield "own", n.label, T.node_row(n.label, n.props)


def _resolved(state: T.Directives) -> Iterator[tuple[str, Any]]:
    rows, alias = T.resolve_directives(state)
    yield from (("row", r) for r in rows)
    yield from (("alias", pair) for pair in alias.items())


# ---------------------------------------------------------------- the job

def run(paths: Iterable[str | Path], out_dir: str | Path, master: str = "local[*]",
        limits: Limits = DEFAULT_LIMITS, meter: dict | None = None) -> dict[str, int]:
    """Extract every file under ``paths`` on Spark and write the tables to ``out_dir`` (a local
    directory or a URI such as s3a://bucket/tables); returns rows per table. ``meter``, when
    given, receives what the extraction itself cost inside the tasks (``cpu_seconds``, ``files``,
    ``bytes``: summed over every executor core, so files / cpu_seconds is the per-core rate a
    cluster's time and cost follow; a retried task counts twice)."""
    spark = session(master)
    try:
        return _job(spark, [str(p) for p in paths], str(out_dir), limits, meter)
    finally:
        spark.stop()


# Documents in one partition of the job's stages, at most. A task reads a persisted partition back
# whole (Spark caches a block it reads from disk in the heap), so a partition must not grow with the
# archive: at 100,000 documents, the two partitions of a merge under `local[2]` (Spark's default
# for a reduceByKey is one per core) outgrew the JVM's 1 GB heap.
DOCS_PER_PARTITION = 1000


def partitions(documents: int, cores: int) -> int:
    """How many partitions the job's stages get: several per core (small files are packed into
    splits, and one task would hold them all), and more as the archive grows, so that none holds
    more than ``DOCS_PER_PARTITION`` documents."""
    return max(4 * cores, -(-documents // DOCS_PER_PARTITION))


def _remote_files(sc, uri: str) -> int:
    """How many files lie under a URI (Hadoop's content summary; 0 when it cannot say)."""
    try:
        path = sc._jvm.org.apache.hadoop.fs.Path(uri)
        return int(path.getFileSystem(sc._jsc.hadoopConfiguration()).getContentSummary(path).getFileCount())
    except Exception:   # (a file system without summaries: the default number of splits)
        return 0


def _job(spark, paths: list[str], out: str, limits: Limits, meter: dict | None = None) -> dict[str, int]:
    from pyspark import StorageLevel

    sc = spark.sparkContext
    cores = sc.defaultParallelism
    problems = [T.error_row(T._problem_path(line), line) for line in _local_problems(paths)]
    readable = [(i, p) for i, p in enumerate(paths) if not _missing(p)]
    listed = _listed([(i, p) for i, p in readable if "://" not in p])
    remote = [(i, p) for i, p in readable if "://" in p]
    spent = (sc.accumulator(0.0), sc.accumulator(0), sc.accumulator(0))
    files = sc.union([sc.binaryFiles(_uri(p), minPartitions=partitions(_remote_files(sc, _uri(p)), cores))
                      .map(partial(_tag, i)) for i, p in remote]) if remote else sc.emptyRDD()
    local = sc.parallelize(listed, max(1, min(len(listed), partitions(len(listed), cores)))) if listed else sc.emptyRDD()
    results = (files.mapPartitions(partial(_extract_partition, limits=limits, meter=spent))
               .union(local.mapPartitions(partial(_extract_local, limits=limits, meter=spent)))
               .persist(StorageLevel.MEMORY_AND_DISK))
    n = max(4 * cores, results.getNumPartitions())   # for every shuffle below, as many as the reading had
    errors = results.filter(lambda r: r[0] == "error").map(lambda r: r[2]).union(sc.parallelize(problems, 1))
    graphs = results.filter(lambda r: r[0] == "ok").map(lambda r: (r[1], r[2]))
    ranked = (graphs.sortByKey(numPartitions=n).zipWithIndex()
              .map(lambda kv: (kv[0][1].document_id, T.copy_state((kv[1], T.batch_of(kv[1]), kv[0][1])))))
    # Every merge below is a reduceByKey over an associative merge state (graph.tables): each task
    # sends one state per key, so no worker gathers every document naming one agency.
    settled = (ranked.reduceByKey(T.merge_copies, numPartitions=n).map(lambda kv: T.settled(kv[1]))
               .persist(StorageLevel.MEMORY_AND_DISK))

    items = settled.flatMap(_node_items).persist(StorageLevel.MEMORY_AND_DISK)
    rows: dict[str, Any] = {}
    for label, table in T.NODE_TABLES.items():
        if label in (S.AGENCY, S.TOPIC):
            rows[table] = (items.filter(lambda x, label=label: x[0] == "shared" and x[1][0] == label)
                           .map(lambda x: (x[1][1], x[2])).reduceByKey(partial(T.merge_shared_states, label), numPartitions=n)
                           .map(lambda kv, label=label: T.shared_row(label, kv[1])))
        elif label != S.DIRECTIVE:
            rows[table] = items.filter(lambda x, label=label: x[0] == "own" and x[1] == label).map(lambda x: x[2])
    resolved = (items.filter(lambda x: x[0] == "directive").map(lambda x: (x[1], x[2]))
                .reduceByKey(T.merge_directive_states, numPartitions=n)
                .flatMap(lambda kv: _resolved(kv[1]))).persist(StorageLevel.MEMORY_AND_DISK)
    rows[T.NODE_TABLES[S.DIRECTIVE]] = resolved.filter(lambda x: x[0] == "row").map(lambda x: x[1])
    alias = spark.createDataFrame(resolved.filter(lambda x: x[0] == "alias").map(lambda x: x[1]),
                                  "stub string, target string")

    tabled = (settled.flatMap(lambda r: r[2].rels).map(T.rel_row).filter(lambda x: x is not None)
              .persist(StorageLevel.MEMORY_AND_DISK))
    for table in {t.table for t in T.REL_TABLES.values()}:
        rows[table] = tabled.filter(lambda x, table=table: x[0] == table).map(lambda x: x[1])
    rows[T.ERRORS] = errors
    frames = {table: _moved(_frame(spark, table, rows[table]), alias, table) for table in T.TABLES}
    counts = {table: _write(spark, table, frames[table], out) for table in T.TABLES}
    if meter is not None:
        meter.update(cpu_seconds=spent[0].value, files=spent[1].value, bytes=spent[2].value)
    return counts


def _tag(arg: int, record: tuple[str, bytes]) -> tuple[int, tuple[str, bytes]]:
    return arg, record


def _moved(df, alias, table: str):
    """``graph.tables.moved`` on a whole table: its directive ends through the stubs' aliases
    (a left join in Spark SQL, on the JVM: the map of stubs never comes to the driver, and no
    Python worker gathers the relationships of one directive), a citation of itself dropped."""
    from pyspark.sql import functions as F

    for c in T.DIRECTIVE_ENDS.get(table, ()):
        to = alias.select(F.col("stub").alias("_stub"), F.col("target").alias("_to"))
        df = (df.join(to, df[c] == to["_stub"], "left").withColumn(c, F.coalesce(F.col("_to"), F.col(c)))
              .drop("_stub", "_to"))
    if table == T.CITES.table:
        df = df.filter(~F.col(T.CITES.start).eqNullSafe(F.col(T.CITES.end)))
    return df.select(*T.COLUMNS[table])


def _missing(path: str) -> bool:
    """A local path that does not exist or gives no file (reported in the errors table)."""
    return "://" not in path and not (Path(path).is_file() or (Path(path).is_dir() and any(Path(path).iterdir())))


def _local_problems(paths: list[str]) -> list[str]:
    """One line for each local path that gives nothing, as ``phoihop ingest`` says it."""
    from .loader import expand_paths

    return [line for p in paths if "://" not in p and _missing(p) for line in expand_paths([p])[1]]


def _listed(local: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(argument, file) for every file under the local arguments, the files ``phoihop ingest``
    reads (names starting with "_" too, which Hadoop's listing hides), in its order."""
    from .loader import expand_paths

    return [(i, str(f)) for i, p in local for f in expand_paths([p])[0]]


def _spark_schema(table: str):
    from pyspark.sql import types as ST

    kinds = {S.STRING: ST.StringType(), S.INT: ST.LongType(), S.BOOL: ST.BooleanType(),
             S.STRINGS: ST.ArrayType(ST.StringType())}
    return ST.StructType([ST.StructField(c, kinds[t], True) for c, t in T.COLUMNS[table].items()])


def _frame(spark, table: str, rows):
    """One table's rows (dicts) as a DataFrame of its columns."""
    cols = list(T.COLUMNS[table])
    return spark.createDataFrame(rows.map(lambda r: tuple(r.get(c) for c in cols)), _spark_schema(table))


def _write(spark, table: str, df, out: str) -> int:
    """Write one table as Parquet under ``out/<table>`` and return its row count."""
    target = f"{_uri(out).rstrip('/')}/{table}"
    df.coalesce(max(1, spark.sparkContext.defaultParallelism)).write.mode("overwrite").parquet(target)
    return spark.read.parquet(target).count()
