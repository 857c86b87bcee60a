/**
 * Operator categories for colouring graph nodes, after netron's `onnx-metadata.json` "category" field
 * (https://github.com/lutzroeder/netron/blob/main/source/onnx-metadata.json).
 */
export type OpCategory =
  | 'layer'
  | 'activation'
  | 'pool'
  | 'normalization'
  | 'dropout'
  | 'tensor'
  | 'control'
  | 'ml'
  | 'quantization'
  | 'constant'
  | 'other';

const CATEGORY_OPS: Readonly<Record<Exclude<OpCategory, 'ml' | 'other'>, readonly string[]>> = {
  layer: [
    'Conv', 'ConvTranspose', 'ConvInteger', 'Gemm', 'MatMul', 'MatMulInteger', 'QLinearConv', 'QLinearMatMul',
    'LSTM', 'GRU', 'RNN', 'Einsum', 'DeformConv', 'Attention', 'MultiHeadAttention', 'FusedConv', 'FusedMatMul',
    'Embedding', 'Gather',
  ],
  activation: [
    'Relu', 'LeakyRelu', 'PRelu', 'Sigmoid', 'HardSigmoid', 'Tanh', 'Elu', 'Selu', 'Celu', 'Softmax', 'LogSoftmax',
    'Softplus', 'Softsign', 'HardSwish', 'Gelu', 'FastGelu', 'Mish', 'ThresholdedRelu', 'Hardmax', 'Swish', 'QuickGelu',
  ],
  pool: [
    'MaxPool', 'AveragePool', 'GlobalMaxPool', 'GlobalAveragePool', 'GlobalLpPool', 'LpPool', 'MaxRoiPool', 'RoiAlign',
    'MaxUnpool',
  ],
  normalization: [
    'BatchNormalization', 'InstanceNormalization', 'LayerNormalization', 'GroupNormalization', 'LpNormalization',
    'LRN', 'MeanVarianceNormalization', 'SkipLayerNormalization', 'SimplifiedLayerNormalization', 'RMSNormalization',
  ],
  dropout: ['Dropout'],
  tensor: [
    'Reshape', 'Flatten', 'Transpose', 'Concat', 'Split', 'Squeeze', 'Unsqueeze', 'Slice', 'Pad', 'Tile', 'Expand',
    'Shape', 'Size', 'GatherElements', 'GatherND', 'ScatterElements', 'ScatterND', 'Scatter', 'Resize', 'Upsample',
    'DepthToSpace', 'SpaceToDepth', 'Identity', 'Cast', 'CastLike', 'ConcatFromSequence', 'SplitToSequence',
    'SequenceConstruct', 'SequenceAt', 'SequenceInsert', 'SequenceEmpty', 'SequenceLength', 'Compress', 'OneHot',
    'Range', 'Trilu', 'ReverseSequence', 'NonZero', 'TopK', 'Unique', 'Where',
  ],
  control: ['If', 'Loop', 'Scan'],
  quantization: [
    'QuantizeLinear', 'DequantizeLinear', 'DynamicQuantizeLinear', 'QLinearAdd', 'QLinearMul', 'QLinearSigmoid',
    'QLinearLeakyRelu', 'QLinearAveragePool', 'QLinearGlobalAveragePool', 'QLinearConcat',
  ],
  constant: ['Constant', 'ConstantOfShape'],
};

const BY_OP = new Map<string, OpCategory>(
  Object.entries(CATEGORY_OPS).flatMap(([category, ops]) => ops.map((op) => [op, category as OpCategory] as const)),
);

/** The category of an operator; operators of the `ai.onnx.ml` domain are `ml` (netron colours them apart). */
export function opCategory(opType: string, domain = ''): OpCategory {
  if (domain === 'ai.onnx.ml') return 'ml';
  return BY_OP.get(opType) ?? 'other';
}
