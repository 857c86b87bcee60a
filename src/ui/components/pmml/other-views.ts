import type { Component } from 'svelte';
import OtherView from '../structure/OtherView.svelte';
import type { KindViewProps, StructureOf } from '../structure/types.js';
import AssociationView from './association/AssociationView.svelte';
import NaiveBayesView from './bayes/NaiveBayesView.svelte';
import ClusteringView from './clustering/ClusteringView.svelte';
import NearestNeighborView from './neighbors/NearestNeighborView.svelte';
import NeuralNetworkView from './neural/NeuralNetworkView.svelte';
import RuleSetView from './rules/RuleSetView.svelte';
import ScorecardView from './scorecard/ScorecardView.svelte';
import SupportVectorMachineView from './svm/SupportVectorMachineView.svelte';
import TimeSeriesView from './time-series/TimeSeriesView.svelte';

/**
 * The view for an `'other'` structure: PMML model elements without a kind of their own carry optional fields
 * (`layers`, `scorecard`, `clustering`, `ruleSet`, `neighbors`, `svm`, `naiveBayes`, `timeSeries`, `association`) that a dedicated view draws; the rest get the summary table.
 */
export function otherView(structure: StructureOf<'other'>): Component<KindViewProps<'other'>> {
  if (structure.layers !== undefined && structure.layers.length > 0) return NeuralNetworkView;
  if (structure.scorecard !== undefined) return ScorecardView;
  if (structure.clustering !== undefined) return ClusteringView;
  if (structure.ruleSet !== undefined) return RuleSetView;
  if (structure.neighbors !== undefined) return NearestNeighborView;
  if (structure.svm !== undefined) return SupportVectorMachineView;
  if (structure.naiveBayes !== undefined) return NaiveBayesView;
  if (structure.association !== undefined) return AssociationView;
  if (structure.timeSeries !== undefined) return TimeSeriesView;
  return OtherView;
}
