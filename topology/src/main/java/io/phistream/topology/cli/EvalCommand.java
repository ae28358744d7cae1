package io.phistream.topology.cli;

import io.phistream.detector.text.TextPhiDetector;
import io.phistream.detector.text.eval.ClinicalNoteGenerator;
import io.phistream.detector.text.eval.CorpusForms;
import io.phistream.detector.text.eval.EvalReport;
import io.phistream.detector.text.eval.Evaluator;
import io.phistream.detector.text.eval.GoldDocument;
import io.phistream.topology.config.ConfigException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code phi-stream eval --corpus DIR}: precision, recall and F1 of the free-text detector per PHI type and
 * overall, at span level (overlap) and token level, on a labelled corpus (pii-sentences JSON, JSON lines, BRAT,
 * i2b2 XML) or on generated clinical notes with known PHI ({@code --generated N}).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate free-text PHI detection against a labelled corpus.")
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "a labelled corpus directory or file: " + Evaluator.FORMATS)
    Path corpus;

    @Option(names = "--generated", paramLabel = "N", description = "evaluate on N generated clinical notes instead")
    Integer generated;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the generated notes")
    long seed;

    @Option(names = "--rules-only", description = "the rules alone, without the token model that adds words after them")
    boolean rulesOnly;

    @Option(names = "--forms", description = "the overall figures for the corpus in other forms too: wrapped, in upper, "
            + "lower and Title Case, on one line, with no-break spaces, en dashes, fullwidth digits")
    boolean forms;

    @Override
    public Integer call() throws Exception {
        if ((corpus == null) == (generated == null)) {
            throw new ConfigException("--corpus DIR or --generated N: exactly one is required");
        }
        Evaluator evaluator = new Evaluator(rulesOnly
                ? TextPhiDetector.withConfig(TextPhiDetector.Config.DEFAULT.withTokenModel(false))
                : TextPhiDetector.builtIn());
        String name;
        List<GoldDocument> docs;
        if (generated != null) {
            if (generated < 1) {
                throw new ConfigException("--generated: expected a positive number of notes");
            }
            name = "generated(seed=" + seed + ")";
            docs = new ClinicalNoteGenerator(seed).generate(generated);
        } else {
            if (!Files.exists(corpus)) {
                throw new ConfigException("--corpus: no such file or directory: " + corpus);
            }
            name = corpus.getFileName() == null ? corpus.toString() : corpus.getFileName().toString();
            try {
                docs = Evaluator.read(corpus);
            } catch (Evaluator.CorpusException e) {
                throw new ConfigException("--corpus: " + e.getMessage());
            } catch (FileSystemException e) {
                throw new ConfigException("--corpus: cannot read " + e.getFile()
                        + " (" + e.getClass().getSimpleName() + ")");
            }
            // without this, a folder of other files scored a perfect 1.000 on 0 documents
            if (docs.isEmpty()) {
                throw new ConfigException("--corpus: no labelled documents in " + corpus
                        + "; expected " + Evaluator.FORMATS);
            }
        }
        EvalReport asWritten = evaluator.evaluate(name, docs);
        System.out.print(asWritten.render());
        if (forms) {
            System.out.println();
            System.out.print(EvalReport.overallHeader("form"));
            System.out.print(asWritten.renderOverall("as written"));
            for (CorpusForms.Form form : CorpusForms.others()) {
                System.out.print(evaluator.evaluate(name, CorpusForms.apply(form, docs)).renderOverall(form.name()));
            }
        }
        return PhiStreamCli.OK;
    }
}
