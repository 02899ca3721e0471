# modules: two VPCs made by one local module (modules/vpc) called with for_each, SSM interface
# endpoints and an S3 gateway endpoint in each made by a second local module (modules/endpoints)
# fed by the first one's outputs, a transit gateway in the root attaching both VPCs through those
# outputs, and three instances. Applied against a local moto server by
# src/test/fixtures/make-import-fixtures.sh.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

variable "endpoint" {
  description = "URL of the moto server standing in for AWS"
  type        = string
  default     = "http://127.0.0.1:5000"
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "testing"
  secret_key                  = "testing"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    ec2     = var.endpoint
    sts     = var.endpoint
    route53 = var.endpoint
  }
}

locals {
  azs = ["us-east-1a", "us-east-1b"]
}

# ---- the VPCs: one module, called once per VPC ----

module "vpc" {
  source   = "./modules/vpc"
  for_each = {
    app    = { cidr = "10.10.0.0/16", nat_per_az = true }
    shared = { cidr = "10.20.0.0/16", nat_per_az = false }
  }
  name       = each.key
  cidr       = each.value.cidr
  azs        = local.azs
  nat_per_az = each.value.nat_per_az
}

# ---- endpoints in each VPC, from the VPC module's outputs ----

module "endpoints" {
  source          = "./modules/endpoints"
  for_each        = module.vpc
  name            = each.key
  vpc_id          = each.value.vpc_id
  subnet_ids      = each.value.private_subnet_ids
  route_table_ids = each.value.private_route_table_ids
  allowed_cidrs   = [each.value.vpc_cidr_block]
  services        = ["ssm", "ssmmessages"]
}

# ---- a transit gateway joining the two VPCs ----

resource "aws_ec2_transit_gateway" "main" {
  description = "app and shared"
  tags        = { Name = "main" }
}

resource "aws_ec2_transit_gateway_vpc_attachment" "vpc" {
  for_each           = module.vpc
  transit_gateway_id = aws_ec2_transit_gateway.main.id
  vpc_id             = each.value.vpc_id
  subnet_ids         = each.value.private_subnet_ids
  tags               = { Name = each.key }
}

# 10.0.0.0/8 (both VPCs) to the transit gateway, from every route table of both VPCs
resource "aws_route" "public_to_tgw" {
  for_each               = module.vpc
  route_table_id         = each.value.public_route_table_id
  destination_cidr_block = "10.0.0.0/8"
  transit_gateway_id     = aws_ec2_transit_gateway.main.id
  depends_on             = [aws_ec2_transit_gateway_vpc_attachment.vpc]
}

resource "aws_route" "app_private_to_tgw" {
  count                  = length(local.azs)
  route_table_id         = module.vpc["app"].private_route_table_ids[count.index]
  destination_cidr_block = "10.0.0.0/8"
  transit_gateway_id     = aws_ec2_transit_gateway.main.id
  depends_on             = [aws_ec2_transit_gateway_vpc_attachment.vpc]
}

resource "aws_route" "shared_private_to_tgw" {
  count                  = length(local.azs)
  route_table_id         = module.vpc["shared"].private_route_table_ids[count.index]
  destination_cidr_block = "10.0.0.0/8"
  transit_gateway_id     = aws_ec2_transit_gateway.main.id
  depends_on             = [aws_ec2_transit_gateway_vpc_attachment.vpc]
}

# ---- instances: two web servers in app, one tools host in shared ----

resource "aws_instance" "web" {
  count         = 2
  ami           = "ami-04681a1dbd79675a5" # an Amazon Linux 2 image moto knows
  instance_type = "t3.micro"
  subnet_id     = module.vpc["app"].private_subnet_ids[count.index]
  tags          = { Name = "web" }
}

resource "aws_instance" "tools" {
  ami           = "ami-04681a1dbd79675a5"
  instance_type = "t3.micro"
  subnet_id     = module.vpc["shared"].private_subnet_ids[0]
  tags          = { Name = "tools" }
}
