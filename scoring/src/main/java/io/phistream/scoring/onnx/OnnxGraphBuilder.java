package io.phistream.scoring.onnx;

import ai.onnx.proto.OnnxMl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Small helper over the ONNX protobuf classes ({@code ai.onnx.proto.OnnxMl} from tribuo-util-onnx) for
 * building small graphs in Java. Tribuo's own {@code ONNXContext} is shaped around its model exporters; the few
 * builder calls needed here are simpler written out directly.
 *
 * <p>All tensors are FLOAT unless noted. Node and value names are generated deterministically, so building
 * the same graph twice gives the same bytes (the build-time file can be compared with a fresh build).
 */
public final class OnnxGraphBuilder {

    /** ONNX default-domain opset of the built-in models (onnxruntime 1.28 runs up to 23; 13 is widely supported). */
    public static final int OPSET = 13;
    private static final long IR_VERSION = 8;
    private static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT.getNumber();
    private static final int INT64 = OnnxMl.TensorProto.DataType.INT64.getNumber();

    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
    private final Map<String, String> constants = new HashMap<>();
    private int counter;

    public OnnxGraphBuilder(String graphName) {
        graph.setName(graphName);
    }

    /** Declares a float input of shape [N, width] with a symbolic batch dimension N. */
    public String input(String name, int width) {
        graph.addInput(valueInfo(name, FLOAT, width));
        return name;
    }

    /** Declares a float graph output; width 0 means shape [N], otherwise [N, width]. */
    public void output(String valueName, int width) {
        graph.addOutput(valueInfo(valueName, FLOAT, width));
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, int elemType, int width) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder()
                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        if (width > 0) {
            shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(width));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name)
                .setType(OnnxMl.TypeProto.newBuilder().setTensorType(
                        OnnxMl.TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape)))
                .build();
    }

    /** A scalar float constant (shared between uses). */
    public String constant(float value) {
        return constants.computeIfAbsent("f" + Float.floatToIntBits(value), k -> {
            String name = "c_" + k;
            graph.addInitializer(OnnxMl.TensorProto.newBuilder().setName(name).setDataType(FLOAT).addFloatData(value));
            return name;
        });
    }

    /** A float tensor constant with the given dims. */
    public String constant(float[] values, long... dims) {
        String name = "t" + (counter++);
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(FLOAT);
        for (long d : dims) {
            t.addDims(d);
        }
        for (float v : values) {
            t.addFloatData(v);
        }
        graph.addInitializer(t);
        return name;
    }

    /** A scalar int64 constant (for Gather indices). */
    public String scalarInt64(long value) {
        return constants.computeIfAbsent("l" + value, k -> {
            String name = "c_" + k;
            graph.addInitializer(OnnxMl.TensorProto.newBuilder().setName(name).setDataType(INT64).addInt64Data(value));
            return name;
        });
    }

    /** A 1-D int64 constant (for Unsqueeze/Squeeze axes). */
    public String int64s(long... values) {
        StringBuilder key = new StringBuilder("v");
        for (long v : values) {
            key.append('_').append(v);
        }
        return constants.computeIfAbsent(key.toString(), k -> {
            String name = "c_" + k.replace('-', 'm');
            OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(INT64)
                    .addDims(values.length);
            for (long v : values) {
                t.addInt64Data(v);
            }
            graph.addInitializer(t);
            return name;
        });
    }

    /** Adds a node and returns the name of its (single) output. */
    public String op(String opType, List<String> inputs, OnnxMl.AttributeProto... attributes) {
        String out = opType.toLowerCase() + "_" + (counter++);
        return opNamed(out, opType, inputs, attributes);
    }

    /** Adds a node whose output gets the given name (used for graph outputs). */
    public String opNamed(String out, String opType, List<String> inputs, OnnxMl.AttributeProto... attributes) {
        OnnxMl.NodeProto.Builder n = OnnxMl.NodeProto.newBuilder().setOpType(opType).setName("n_" + out).addOutput(out);
        inputs.forEach(n::addInput);
        for (OnnxMl.AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        return out;
    }

    public static OnnxMl.AttributeProto intAttribute(String name, long value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.INT).setI(value).build();
    }

    public static OnnxMl.AttributeProto intsAttribute(String name, long... values) {
        OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    /** Column j of a [N, w] tensor as a [N] tensor. */
    public String column(String x, int j) {
        return op("Gather", List.of(x, scalarInt64(j)), intAttribute("axis", 1));
    }

    public String greater(String a, float b) {
        return op("Greater", List.of(a, constant(b)));
    }

    public String where(String condition, String ifTrue, String ifFalse) {
        return op("Where", List.of(condition, ifTrue, ifFalse));
    }

    public String where(String condition, float ifTrue, float ifFalse) {
        return where(condition, constant(ifTrue), constant(ifFalse));
    }

    /** Serialises the model. */
    public byte[] toModelBytes(String docString) {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("phi-stream")
                .setProducerVersion("1")
                .setDocString(docString)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph)
                .build();
        return model.toByteArray();
    }

    /** Convenience for variadic ops (Sum, Max, Concat). */
    public static List<String> list(String... names) {
        return new ArrayList<>(List.of(names));
    }
}
