package io.mutune.jobs.spec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a spec file as UTF-8 text, with one line for each way that can fail. */
final class SpecFile {
    private SpecFile() { }

    static String read(Path file) {
        if (Files.isDirectory(file)) {
            throw SpecException.ofFile(file, file + ": is a folder; expected a spec file (YAML or JSON)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw SpecException.ofFile(file, file + ": no such file");
        } catch (IOException e) {
            throw SpecException.ofFile(file, file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        String notText = file + " is not a text file (YAML or JSON expected)";
        for (byte b : bytes) {
            // UTF-8 text never holds a NUL byte; binary files almost always do.
            if (b == 0) {
                throw SpecException.ofFile(file, notText);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw SpecException.ofFile(file, notText);
        }
    }
}
