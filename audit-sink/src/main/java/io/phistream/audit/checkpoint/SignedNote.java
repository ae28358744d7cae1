package io.phistream.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A C2SP signed note: the text, a blank line, then one line per signature,
 * {@code "— <key name> <base64(4-byte key id || signature)>"}. The key id of an Ed25519 key is the first four
 * bytes of SHA-256(name || 0x0A || 0x01 || public key) (see {@link #ed25519KeyId}).
 */
public record SignedNote(String text, List<Signature> signatures) {
  public static final String DASH = "\u2014";
  private static final Pattern KEY_NAME = Pattern.compile("[\\x21-\\x2a\\x2c-\\x7e]{1,100}"); // no space, no '+'

  public SignedNote {
    if (text == null || text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n")) {
      throw new IllegalArgumentException("note text must be non-empty, end with a newline and hold no blank line");
    }
    signatures = List.copyOf(signatures);
  }

  /** One signature line. */
  public record Signature(String keyName, byte[] keyId, byte[] signature) {
    public Signature {
      if (keyName == null || !KEY_NAME.matcher(keyName).matches()) {
        throw new IllegalArgumentException("key name must be printable ASCII without space or '+'");
      }
      if (keyId == null || keyId.length != 4 || signature == null || signature.length == 0) {
        throw new IllegalArgumentException("a signature needs a 4-byte key id and signature bytes");
      }
      keyId = keyId.clone();
      signature = signature.clone();
    }

    @Override
    public byte[] keyId() {
      return keyId.clone();
    }

    @Override
    public byte[] signature() {
      return signature.clone();
    }

    public String keyIdHex() {
      return HexFormat.of().formatHex(keyId);
    }

    String line() {
      byte[] blob = new byte[4 + signature.length];
      System.arraycopy(keyId, 0, blob, 0, 4);
      System.arraycopy(signature, 0, blob, 4, signature.length);
      return DASH + " " + keyName + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }
  }

  public String render() {
    StringBuilder sb = new StringBuilder(text).append('\n');
    for (Signature s : signatures) {
      sb.append(s.line());
    }
    return sb.toString();
  }

  /**
   * Splits a note at its last blank line. A text without a blank line, or with an empty signature block, parses
   * with no signatures (so that callers can name it unsigned rather than malformed).
   */
  public static SignedNote parse(String note) {
    if (note == null || note.isEmpty()) {
      throw new IllegalArgumentException("empty note");
    }
    for (int i = 0; i < note.length(); i++) {
      char ch = note.charAt(i);
      if (ch < 0x20 && ch != '\n' || ch == 0x7f) {
        throw new IllegalArgumentException("note holds a control character");
      }
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      return new SignedNote(note.endsWith("\n") ? note : note + "\n", List.of());
    }
    String text = note.substring(0, split + 1);
    String block = note.substring(split + 2);
    List<Signature> sigs = new ArrayList<>();
    if (!block.isEmpty()) {
      if (!block.endsWith("\n")) {
        throw new IllegalArgumentException("signature block must end with a newline");
      }
      for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
        sigs.add(parseLine(line));
      }
    }
    return new SignedNote(text, sigs);
  }

  private static Signature parseLine(String line) {
    if (!line.startsWith(DASH + " ")) {
      throw new IllegalArgumentException("signature line must start with an em dash");
    }
    String[] parts = line.substring(2).split(" ", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("signature line must be '— <name> <base64>'");
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("signature is not base64");
    }
    if (blob.length < 5) {
      throw new IllegalArgumentException("signature too short");
    }
    byte[] id = new byte[4];
    byte[] sig = new byte[blob.length - 4];
    System.arraycopy(blob, 0, id, 0, 4);
    System.arraycopy(blob, 4, sig, 0, sig.length);
    return new Signature(parts[0], id, sig);
  }

  /** C2SP key id of an Ed25519 verifier key: SHA-256(name || '\n' || 0x01 || 32-byte public key)[:4]. */
  public static byte[] ed25519KeyId(String keyName, byte[] publicKey) {
    var md = io.phistream.audit.merkle.MerkleHash.sha256();
    md.update(keyName.getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
    md.update((byte) 0x01);
    md.update(publicKey);
    byte[] id = new byte[4];
    System.arraycopy(md.digest(), 0, id, 0, 4);
    return id;
  }

  public byte[] textBytes() {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
