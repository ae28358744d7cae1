package io.phistream.detector.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildContainedResources;
import ca.uhn.fhir.context.RuntimeChildExtension;
import io.phistream.detector.fhir.FhirPolicy.DatatypeRule;
import io.phistream.detector.fhir.FhirPolicy.PathNode;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * The policy compiled against HAPI's model, lazily: for each composite class in each rule context (parent datatype
 * rule, path node) the list of its children with what to do with each, and for each child and value class the
 * decision. A Bundle has thousands of elements but only a few hundred distinct (context, child, class) triples, so
 * rule resolution runs once per triple instead of once per element. Thread-safe; decisions are immutable.
 */
final class Plans {

    /** How a child of a composite is handled before its values are looked at. */
    enum Kind { SKIP, EXTENSIONS, CONTAINED, VALUES }

    enum Op { ID, PRIMITIVE, REDACT, WALK }

    /**
     * @param rule the rule applied ({@code PRIMITIVE}, {@code REDACT})
     * @param dr   the datatype rule the children are resolved with ({@code WALK}), may be null
     * @param type the FHIR type name of the value
     */
    record Decision(Op op, FhirRule rule, DatatypeRule dr, String type) {
    }

    /** The last decision taken for a child, with the value class it was for (one immutable pair: no torn reads). */
    private record Last(Class<?> type, Decision decision) {
    }

    final class Plan {
        final BaseRuntimeChildDefinition[] children;
        final Kind[] kinds;
        final String[] names;
        final PathNode[] nodes;
        /**
         * Children of a single primitive type that the policy keeps: they need a visit only for an id or extension
         * of their own, which JSON can only carry in a {@code "_name"} property.
         */
        final boolean[] keptPrimitive;
        final DatatypeRule dr;
        private final ConcurrentHashMap<Class<?>, Decision>[] decisions;
        private final Last[] last;

        @SuppressWarnings("unchecked")
        Plan(List<BaseRuntimeChildDefinition> defs, boolean resource, DatatypeRule dr, PathNode node) {
            int n = defs.size();
            this.children = defs.toArray(new BaseRuntimeChildDefinition[0]);
            this.kinds = new Kind[n];
            this.names = new String[n];
            this.nodes = new PathNode[n];
            this.dr = dr;
            this.decisions = new ConcurrentHashMap[n];
            this.keptPrimitive = new boolean[n];
            this.last = new Last[n];
            for (int i = 0; i < n; i++) {
                BaseRuntimeChildDefinition ch = children[i];
                names[i] = ch.getElementName();
                nodes[i] = node == null ? null : node.child(names[i]);
                kinds[i] = resource && names[i].equals("id") ? Kind.SKIP // resource ids: contained-id semantics
                        : ch instanceof RuntimeChildExtension ? Kind.EXTENSIONS
                        : ch instanceof RuntimeChildContainedResources ? Kind.CONTAINED
                        : Kind.VALUES;
                decisions[i] = new ConcurrentHashMap<>(2);
                if (kinds[i] == Kind.VALUES && ch.getValidChildNames().size() == 1) {
                    BaseRuntimeElementDefinition<?> type = ch.getChildByName(names[i]);
                    if (type != null && type.getChildType() == BaseRuntimeElementDefinition.ChildTypeEnum.PRIMITIVE_DATATYPE) {
                        Decision d = decide(names[i], true, type.getName(), nodes[i], dr);
                        keptPrimitive[i] = d.op() == Op.PRIMITIVE && d.rule().action() == FhirRule.Action.KEEP;
                    }
                }
            }
        }
    }

    private record Key(Class<?> type, DatatypeRule dr, PathNode node) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.type == type && k.dr == dr && k.node == node;
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(type) * 31 + System.identityHashCode(dr)) * 31 + System.identityHashCode(node);
        }
    }

    private final FhirPolicy policy;
    private final FhirContext ctx;
    private final ConcurrentHashMap<Key, Plan> plans = new ConcurrentHashMap<>();

    Plans(FhirPolicy policy, FhirContext ctx) {
        this.policy = policy;
        this.ctx = ctx;
    }

    Plan plan(IBase composite, DatatypeRule dr, PathNode node) {
        Key key = new Key(composite.getClass(), dr, node);
        Plan p = plans.get(key);
        if (p == null) {
            BaseRuntimeElementDefinition<?> def = composite instanceof IBaseResource r
                    ? ctx.getResourceDefinition(r) : ctx.getElementDefinition(composite.getClass());
            p = plans.computeIfAbsent(key, k -> new Plan(((BaseRuntimeElementCompositeDefinition<?>) def).getChildren(),
                    composite instanceof IBaseResource, dr, node));
        }
        return p;
    }

    Decision decision(Plan plan, int child, IBase value) {
        Last last = plan.last[child];
        if (last != null && last.type == value.getClass()) {
            return last.decision;
        }
        Decision d = plan.decisions[child].get(value.getClass());
        if (d == null) {
            d = decide(plan.names[child], value instanceof IPrimitiveType<?>, fhirType(value), plan.nodes[child], plan.dr);
            plan.decisions[child].putIfAbsent(value.getClass(), d);
        }
        plan.last[child] = new Last(value.getClass(), d);
        return d;
    }

    /** The rule order documented on {@link FhirDeidentifier}. */
    private Decision decide(String name, boolean primitive, String type, PathNode node, DatatypeRule dr) {
        if (name.equals("id")) {
            return primitive ? new Decision(Op.ID, FhirRule.ID, null, type)
                    : new Decision(Op.REDACT, FhirRule.REDACT, null, type);
        }
        FhirRule explicit = node != null ? node.rule() : null;
        if (explicit == null && dr != null) {
            explicit = dr.child(name);
        }
        DatatypeRule own = primitive ? null : policy.datatype(type);
        if (explicit != null) {
            return from(explicit, own, primitive, type);
        }
        if (own != null && own.always()) {
            return new Decision(Op.WALK, FhirRule.WALK, own, type);
        }
        FhirRule byName = policy.element(name);
        if (byName != null) {
            return from(byName, own, primitive, type);
        }
        if (dr != null && dr.otherwise() != null) {
            FhirRule d = dr.otherwise();
            if (d.action() == FhirRule.Action.KEEP && !primitive) {
                // below a kept composite everything is kept except PHI-bearing datatypes (handled above)
                return new Decision(Op.WALK, FhirRule.WALK,
                        dr == FhirPolicy.KEEP_ALL || own == null ? FhirPolicy.KEEP_ALL : own, type);
            }
            return from(d, own, primitive, type);
        }
        return primitive ? from(policy.primitive(type), null, true, type) : new Decision(Op.WALK, FhirRule.WALK, own, type);
    }

    private Decision from(FhirRule rule, DatatypeRule own, boolean primitive, String type) {
        return switch (rule.action()) {
            case REDACT -> new Decision(Op.REDACT, rule, null, type);
            case KEEP -> primitive ? new Decision(Op.PRIMITIVE, rule, null, type)
                    : new Decision(Op.WALK, FhirRule.WALK, own != null && own.always() ? own : FhirPolicy.KEEP_ALL, type);
            case WALK -> primitive ? from(policy.primitive(type), null, true, type)
                    : new Decision(Op.WALK, FhirRule.WALK, own, type);
            default -> primitive ? new Decision(Op.PRIMITIVE, rule, null, type)
                    : new Decision(Op.REDACT, rule, null, type); // a value treatment on a composite: fail safe
        };
    }

    String fhirType(IBase v) {
        if (v instanceof Base b) {
            return b.fhirType();
        }
        if (v instanceof XhtmlNode) {
            return "xhtml";
        }
        return ctx.getElementDefinition(v.getClass()).getName();
    }
}
