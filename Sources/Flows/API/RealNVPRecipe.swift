import Autodiff

/// Builds the layers of a RealNVP-style flow from a `FlowConfiguration`: for each of the `couplings`
/// steps k, `[ActNorm] → [LULinear] → AffineCoupling`, with alternating masks (`mask(forStep:)`), named
/// `layer<k>.actnorm`, `layer<k>.lulinear`, `layer<k>.coupling`.
///
/// Conditioner weights draw from one seeded generator in layer order, so a seed fixes the initialisation.
struct RealNVPRecipe {
  /// The validated configuration.
  let configuration: FlowConfiguration

  /// A recipe for `configuration`; throws `FlowError.invalidConfiguration` naming the value out of range.
  init(_ configuration: FlowConfiguration) throws {
    try configuration.validate()
    self.configuration = configuration
  }

  /// Freshly initialised layers, data → latent, whose couplings run `engine` where they can.
  func layers(seed: UInt64, engine: FlowEngine) -> [any FlowLayer] {
    // Every matrix product of the flow runs through OpenBLAS: pick its fast kernel, one thread.
    BLASKernel.configure()
    let c = configuration
    var generator = SeededGenerator(seed: seed)
    var layers: [any FlowLayer] = []
    // The couplings run one at a time: their backward passes can share one set of scratch buffers.
    let transient = Workspace()
    for k in 0..<c.couplings {
      if c.actNorm { layers.append(ActNorm(dimension: c.dimension, name: "layer\(k).actnorm")) }
      if c.luLinear { layers.append(LULinear(dimension: c.dimension, name: "layer\(k).lulinear")) }
      layers.append(
        AffineCoupling(
          mask: c.mask(forStep: k), hidden: c.hidden, zeroInitialised: c.zeroInitialised,
          name: "layer\(k).coupling", scaleBound: c.scaleBound, engine: engine, transient: transient,
          generator: &generator))
    }
    return layers
  }
}
