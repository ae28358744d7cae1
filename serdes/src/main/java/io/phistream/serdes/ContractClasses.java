package io.phistream.serdes;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro 1.12 refuses to instantiate classes named by a schema unless they are trusted (a defence against
 * schema-driven class loading). Our generated contract classes live in one package; trusting exactly that
 * package, on top of whatever the application already trusts, is the narrowest setting that lets the
 * specific readers work without asking every deployment to set {@code org.apache.avro.SERIALIZABLE_PACKAGES}.
 */
final class ContractClasses {

    static final String PACKAGE = "io.phistream.serdes.avro";

    private ContractClasses() {
    }

    private static final class Holder {
        static {
            ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
            ClassSecurityPredicate ours = c -> PACKAGE.equals(c.getPackageName());
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, ours));
        }

        static void load() {
        }
    }

    /** Installs the trust once per class loader; cheap to call from every serde constructor. */
    static void trust() {
        Holder.load();
    }
}
